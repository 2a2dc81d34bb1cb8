/* SIMD kernels for the fast-interpreter replay fixtures: intrinsics and auto-vectorised loops.
 *
 *   E="-Wl,--export=mix,--export=dot,--export=saxpy,--export=isum,--export=find_byte"
 *   E="$E,--export=lanes,--export=dsum,--export=minmax"
 *   clang --target=wasm32-wasi -O2 -msimd128 $E -o o2.wasm simd_kernels.c
 *   wasm-opt -O3 --strip-debug --strip-producers o2.wasm -o simd_O3.wasm
 *   clang --target=wasm32-wasi -Os -msimd128 $E -o os.wasm simd_kernels.c
 *   wasm-opt -Oz --strip-debug --strip-producers os.wasm -o simd_Oz.wasm
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wasm_simd128.h>

#define N 256
static float xa[N], ya[N];
static int32_t ia[N], ib[N];
static uint8_t bytes[N];
static double da[N];
static int64_t la[N];

__attribute__((noinline)) v128_t mix(v128_t a, v128_t b, int k)
{
    v128_t m = wasm_i32x4_splat(k);
    v128_t s = wasm_i8x16_shuffle(a, b, 0, 17, 2, 19, 4, 21, 6, 23, 8, 25, 10, 27, 12, 29, 14, 31);
    v128_t t = wasm_v128_bitselect(a, b, wasm_i32x4_gt(a, m));
    return k & 1 ? wasm_i16x8_add_sat(s, t) : wasm_v128_xor(s, wasm_i8x16_swizzle(t, b));
}

__attribute__((noinline)) float dot(const float *a, const float *b, int n)
{
    v128_t acc = wasm_f32x4_const(0, 0, 0, 0);
    int i;
    for (i = 0; i + 4 <= n; i += 4)
        acc = wasm_f32x4_add(acc, wasm_f32x4_mul(wasm_v128_load(a + i), wasm_v128_load(b + i)));
    return wasm_f32x4_extract_lane(acc, 0) + wasm_f32x4_extract_lane(acc, 1) +
           wasm_f32x4_extract_lane(acc, 2) + wasm_f32x4_extract_lane(acc, 3);
}

__attribute__((noinline)) void saxpy(float a, float *x, const float *y, int n)
{
    int i;
    for (i = 0; i < n; i++)
        x[i] = a * x[i] + y[i];
}

__attribute__((noinline)) int32_t isum(const int32_t *a, const int32_t *b, int n)
{
    int32_t s = 0;
    int i;
    for (i = 0; i < n; i++)
        s += a[i] > b[i] ? a[i] - b[i] : b[i] * 3;
    return s;
}

__attribute__((noinline)) int find_byte(const uint8_t *p, int n, uint8_t c)
{
    v128_t needle = wasm_i8x16_splat((int8_t)c);
    int i;
    for (i = 0; i + 16 <= n; i += 16) {
        uint32_t m = wasm_i8x16_bitmask(wasm_i8x16_eq(wasm_v128_load(p + i), needle));
        if (m)
            return i + __builtin_ctz(m);
    }
    for (; i < n; i++)
        if (p[i] == c)
            return i;
    return -1;
}

__attribute__((noinline)) v128_t lanes(const void *p, v128_t v, int64_t x, double d)
{
    v = wasm_v128_load32_lane(p, v, 1);
    v = wasm_v128_load64_zero(p) ;
    v = wasm_i64x2_replace_lane(v, 1, x);
    v = wasm_f64x2_replace_lane(v, 0, d + wasm_f64x2_extract_lane(v, 1));
    v = wasm_i16x8_replace_lane(v, 3, (int16_t)wasm_i16x8_extract_lane(v, 5));
    wasm_v128_store16_lane((void *)p, v, 2);
    return wasm_i32x4_extmul_low_i16x8(v, wasm_i16x8_narrow_i32x4(v, v));
}

__attribute__((noinline)) double dsum(const double *a, const int64_t *b, int n)
{
    v128_t acc = wasm_f64x2_splat(0.0), li = wasm_i64x2_splat(0);
    int i;
    for (i = 0; i + 2 <= n; i += 2) {
        acc = wasm_f64x2_add(acc, wasm_f64x2_sqrt(wasm_f64x2_abs(wasm_v128_load(a + i))));
        li = wasm_i64x2_add(li, wasm_i64x2_shl(wasm_v128_load(b + i), 1));
    }
    acc = wasm_f64x2_add(acc, wasm_f64x2_convert_low_i32x4(wasm_i32x4_trunc_sat_f64x2_zero(acc)));
    return wasm_f64x2_extract_lane(acc, 0) + (double)wasm_i64x2_extract_lane(li, 1) +
           (wasm_v128_any_true(li) ? 1.0 : 0.0) + (wasm_i32x4_all_true(acc) ? 2.0 : 0.0);
}

__attribute__((noinline)) void minmax(uint8_t *p, int n)
{
    int i;
    for (i = 0; i < n; i++)
        p[i] = (uint8_t)(p[i] < 100 ? p[i] + 7 : p[i] - 3);
}

int main(int argc, char **argv)
{
    int i, k = argc + 2;
    (void)argv;
    v128_t v = wasm_i32x4_make(1, 2, 3, 4), w = wasm_i32x4_const(9, 8, 7, 6);
    for (i = 0; i < N; i++) {
        xa[i] = (float)i * 0.5f;
        ya[i] = (float)(N - i);
        ia[i] = i * k;
        ib[i] = N - i;
        bytes[i] = (uint8_t)(i * 7);
        da[i] = i * 1.25;
        la[i] = (int64_t)i << 20;
    }
    saxpy(2.0f, xa, ya, N);
    minmax(bytes, N);
    for (i = 0; i < k; i++)
        v = mix(v, w, i);
    v = lanes(bytes + 8, v, la[k], da[k]);
    return (int)dot(xa, ya, N) ^ isum(ia, ib, N) ^ find_byte(bytes, N, (uint8_t)k) ^
           (int)dsum(da, la, N) ^ wasm_i32x4_extract_lane(v, 2);
}
