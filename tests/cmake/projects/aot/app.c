/* The calibration module c01_min (tests/data/calibration): the stand-in wamrc of the test writes its .aot. */
/* varies: baseline: 10 tiny functions, default memory, exports __heap_base/__data_end */
typedef unsigned int u32;
typedef unsigned long long u64;
#include <stdlib.h>  /* malloc/free: brings dlmalloc and memory.grow */
#define R1(m) m(__COUNTER__)
#define R2(m) R1(m) R1(m)
#define R4(m) R2(m) R2(m)
#define R8(m) R4(m) R4(m)
#define R16(m) R8(m) R8(m)
#define R32(m) R16(m) R16(m)
#define R64(m) R32(m) R32(m)
#define R128(m) R64(m) R64(m)
#define R256(m) R128(m) R128(m)
#define R512(m) R256(m) R256(m)
#define R1024(m) R512(m) R512(m)
#define R2048(m) R1024(m) R1024(m)
#define R4096(m) R2048(m) R2048(m)
#define R8192(m) R4096(m) R4096(m)
#define R16384(m) R8192(m) R8192(m)
#define R32768(m) R16384(m) R16384(m)
#define R65536(m) R32768(m) R32768(m)
#define R131072(m) R65536(m) R65536(m)
#define R262144(m) R131072(m) R131072(m)

/* statement kinds; c = __COUNTER__ gives every statement its own constant */
#define S_A(c) acc = (acc ^ (acc >> 13)) * 0x9E3779B1u + (u32)((c) * 40503u & 0xFFFFu);
#define S_M(c) g_buf[(acc + (c)) & 1023u] += acc; acc ^= g_buf[(acc >> 5) & 1023u];
#define S_B(c) if (acc & (1u << ((c) & 31u))) acc += (u32)(c); else acc = (acc << 3) | (acc >> 29);
#define S_L(c) for (u32 j_##c = 0; j_##c < (acc & 7u); j_##c++) acc += g_buf[(j_##c + (c)) & 1023u];
#define S_W(c) switch ((acc + (c)) & 7u) { case 0: acc += 3u; break; case 1: acc ^= 0x55u; break; \
  case 2: acc *= 5u; break; case 3: acc -= (u32)(c); break; case 4: acc = ~acc; break; \
  case 5: acc += g_buf[(c) & 1023u]; break; case 6: acc >>= 1; break; default: acc |= 1u; }
#define S_F(c) facc = facc * 1.0000001 + (double)(acc & 4095u) * 0.5; acc += (u32)(long long)facc;

volatile u32 g_gate;  /* always 0 at run time: code is reachable, never executed */
volatile u32 g_sink;
volatile u32 g_vin[128];
u32 g_buf[1024];
void *volatile g_escape;  /* keeps malloc/free from being optimised away */
#define BODY0 R1(S_M) R2(S_A) R1(S_B)
#define DEFN(k, n, b) __attribute__((noinline)) u32 f_##k(u32 p0) { u32 acc = p0 + (k##u); BODY##b if (g_gate == (k##u) + 1u) acc += f_##n(acc); return acc; }
#define DEFX(k, n, b) __attribute__((noinline, export_name("e" #k))) u32 f_##k(u32 p0) { u32 acc = p0 + (k##u); BODY##b if (g_gate == (k##u) + 1u) acc += f_##n(acc); return acc; }
#define DEFL(k, b) __attribute__((noinline)) u32 f_##k(u32 p0) { u32 acc = p0 + (k##u); BODY##b return acc; }
DEFL(9, 0) DEFN(8, 9, 0) DEFN(7, 8, 0) DEFN(6, 7, 0) DEFN(5, 6, 0) DEFN(4, 5, 0) DEFN(3, 4, 0) DEFN(2, 3, 0)
DEFN(1, 2, 0) DEFN(0, 1, 0)
__attribute__((noinline)) static u32 run_all(void) {
  u32 acc = g_gate;
  acc += (u32)f_0((u32)acc);
  { unsigned char *p = malloc(acc & 1023u); g_escape = p; free(g_escape); }
  return acc;
}
int main(void) { if (g_gate == 0x5EEDu) g_sink = run_all(); return 0; }
