/* Tests of the profile parser: the shipped profiles, every error class, includes. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/wb_test.h"
#include "read/profile.h"

#define CHECK_S(what, got, want)                                                                  \
    CHECK(strcmp(got, want) == 0, "%s: %s = '%s', expected '%s'", what, #got, got, want)

static const char *const shipped[] = {"linux-x86_64", "linux-x86",    "esp32",
                                      "esp32s3",      "stm32f4",      "nrf52840",
                                      "rp2040",       "zephyr-generic32", "nuttx-sim64",
                                      "nuttx-sim32",  "nuttx-cortex-m"};

static int parse(const char *text, wb_profile *p, char *err, size_t cap)
{
    return wb_profile_parse(text, strlen(text), "t.profile", p, err, cap);
}

/* The text must fail with an error that starts "t.profile:<line>: " and
 * contains reason. */
static void expect_error(const char *text, unsigned line, const char *reason)
{
    wb_profile p;
    char err[512], prefix[64];
    int rc = parse(text, &p, err, sizeof err);
    if (line)
        snprintf(prefix, sizeof prefix, "t.profile:%u: ", line);
    else
        snprintf(prefix, sizeof prefix, "t.profile: ");
    CHECK(rc == -1, "accepted: [%s]", text);
    if (rc != -1)
        return;
    CHECK(strncmp(err, prefix, strlen(prefix)) == 0, "error '%s' does not start with '%s'", err,
          prefix);
    CHECK(strstr(err, reason) != NULL, "error '%s' lacks '%s'", err, reason);
}

/* ---- the shipped profiles ---- */

static void test_shipped(const char *dir)
{
    const char *dirs[] = {dir, NULL};
    wb_profile p, d;
    char err[512];

    for (size_t i = 0; i < sizeof shipped / sizeof shipped[0]; i++) {
        int rc = wb_profile_load(shipped[i], dirs, &p, err, sizeof err);
        CHECK(rc == 0, "%s: %s", shipped[i], err);
        if (rc)
            continue;
        CHECK_S(shipped[i], p.name, shipped[i]);
        CHECK(p.description[0] != 0, "%s: no description", shipped[i]);
        CHECK(strstr(p.path, shipped[i]) != NULL, "%s: path '%s'", shipped[i], p.path);
        CHECK(wb_profile_check(&p, err, sizeof err) == 0, "%s: %s", shipped[i], err);
        CHECK(p.modes & wb_mode_bit(p.mode), "%s: mode not in modes", shipped[i]);
        CHECK_U(shipped[i], p.max_threads, 4);
        /* NuttX flat builds: getpagesize() is 1 without CONFIG_MM_PGSIZE */
        CHECK_U(shipped[i], p.page_size, p.platform == WB_PLATFORM_NUTTX ? 1 : 4096);
        CHECK_U(shipped[i], p.heap_size, 0);
        CHECK_U(shipped[i], p.module_buffer_in_pool, p.platform == WB_PLATFORM_NUTTX);
        if (p.platform == WB_PLATFORM_NUTTX) {
            /* the measured NuttX build (README: NuttX) */
            CHECK_U(shipped[i], p.locks, WB_LOCKS_NUTTX);
            CHECK_U(shipped[i], p.hw_bound_check, 0);
            CHECK_U(shipped[i], p.wasi_threads, 0);
            CHECK_U(shipped[i], p.ref_types, 0);
            CHECK_U(shipped[i], p.mmap_overhead, 372);
            CHECK_U(shipped[i], p.aot_bounds_checks, 1);
        } else if (p.platform != WB_PLATFORM_LINUX) {
            CHECK_U(shipped[i], p.hw_bound_check, 0);
            CHECK_U(shipped[i], p.signal_stack_bytes, 0);
            CHECK_U(shipped[i], p.abi, WB_ABI_ILP32_ALIGN8);
            CHECK_U(shipped[i], p.default_wasm_stack, 12288);
            CHECK_U(shipped[i], p.aot_bounds_checks, 1);
        }
    }

    /* linux-x86_64 is exactly the built-in defaults (description and path aside) */
    wb_profile_defaults(&d);
    if (wb_profile_load("linux-x86_64", dirs, &p, err, sizeof err) == 0) {
        memcpy(p.description, d.description, sizeof p.description);
        memset(p.path, 0, sizeof p.path);
        CHECK(memcmp(&p, &d, sizeof p) == 0, "linux-x86_64.profile differs from the defaults");
        CHECK_U("linux-x86_64", p.aot_plt_bytes, WB_PROFILE_AUTO); /* the version's PLT (model) */
        CHECK_U("linux-x86_64", p.signal_stack_bytes, 32768);
        CHECK_U("linux-x86_64", p.default_wasm_stack, 16384);
        CHECK_U("linux-x86_64", p.app_thread_stack, 131072);
        CHECK_U("linux-x86_64", p.hw_bound_check, 1);
        CHECK_S("linux-x86_64", p.aot_cpu, "x86-64");
    }
    if (wb_profile_load("linux-x86", dirs, &p, err, sizeof err) == 0) {
        CHECK_U("linux-x86", p.abi, WB_ABI_ILP32);
        CHECK_U("linux-x86", p.hw_bound_check, 0);
        CHECK_U("linux-x86", p.signal_stack_bytes, 0);
        CHECK_U("linux-x86", p.aot_plt_bytes, WB_PROFILE_AUTO); /* the version's PLT (model) */
        CHECK_U("linux-x86", p.default_wasm_stack, 12288);
        CHECK_U("linux-x86", p.app_thread_stack, 131072);
        CHECK_U("linux-x86", p.modes, WB_MODE_BIT_AOT | WB_MODE_BIT_FAST_INTERP);
        CHECK_U("linux-x86", p.libc_wasi, 1);
        CHECK_U("linux-x86", p.wasi_threads, 1);
        CHECK_S("linux-x86", p.aot_target, "i386");
        CHECK_U("linux-x86", p.aot_bounds_checks, 1);
        CHECK_U("linux-x86", p.simd, 1);
    }
    /* derived boards take the port from their base and change the chip */
    if (wb_profile_load("esp32s3", dirs, &p, err, sizeof err) == 0) {
        CHECK_U("esp32s3", p.platform, WB_PLATFORM_ESP_IDF);
        CHECK_U("esp32s3", p.locks, WB_LOCKS_NEWLIB);
        CHECK_U("esp32s3", p.ram, 512 * 1024);
        CHECK_S("esp32s3", p.aot_target, "xtensa");
        CHECK_S("esp32s3", p.aot_cpu, "esp32s3");
        CHECK_U("esp32s3", p.app_thread_stack, 6144);
        CHECK_U("esp32s3", p.mmap_overhead, 8);
    }
    if (wb_profile_load("stm32f4", dirs, &p, err, sizeof err) == 0) {
        CHECK_U("stm32f4", p.platform, WB_PLATFORM_ZEPHYR);
        CHECK_U("stm32f4", p.locks, WB_LOCKS_ZEPHYR);
        CHECK_U("stm32f4", p.ram, 192 * 1024);
        CHECK_S("stm32f4", p.aot_target, "thumbv7em");
        CHECK_U("stm32f4", p.aot_plt_bytes, WB_PROFILE_AUTO); /* the version's PLT (model) */
        CHECK_U("stm32f4", p.libc_wasi, 0); /* no WASI in WAMR 2.4.5's Zephyr port */
        CHECK_U("stm32f4", p.simd, 0); /* the Zephyr samples build WAMR without SIMD */
        CHECK(p.aot_simd == -1, "stm32f4: aot_simd = %d, expected -1 (auto)", p.aot_simd);
    }
    if (wb_profile_load("rp2040", dirs, &p, err, sizeof err) == 0) {
        CHECK_U("rp2040", p.mode, WB_MODE_FAST_INTERP);
        CHECK_U("rp2040", p.ram, 264 * 1024);
    }
    if (wb_profile_load("nrf52840", dirs, &p, err, sizeof err) == 0)
        CHECK_U("nrf52840", p.ram, 256 * 1024);
    if (wb_profile_load("esp32", dirs, &p, err, sizeof err) == 0)
        CHECK_U("esp32", p.ram, 320 * 1024);
    /* the NuttX profiles: two measured simulator builds and a board derived from them */
    if (wb_profile_load("nuttx-sim64", dirs, &p, err, sizeof err) == 0) {
        CHECK_U("nuttx-sim64", p.abi, WB_ABI_LP64);
        CHECK_U("nuttx-sim64", p.default_wasm_stack, 16384);
        CHECK_S("nuttx-sim64", p.wamr_version, "2.1.0");
        CHECK_S("nuttx-sim64", p.aot_target, "x86_64");
    }
    if (wb_profile_load("nuttx-sim32", dirs, &p, err, sizeof err) == 0) {
        CHECK_U("nuttx-sim32", p.abi, WB_ABI_ILP32);
        CHECK_U("nuttx-sim32", p.default_wasm_stack, 12288);
        CHECK_S("nuttx-sim32", p.wamr_version, "2.4.5");
        CHECK_S("nuttx-sim32", p.aot_target, "i386");
        CHECK_U("nuttx-sim32", p.aot_plt_bytes, WB_PROFILE_AUTO); /* the version's PLT (model) */
    }
    if (wb_profile_load("nuttx-cortex-m", dirs, &p, err, sizeof err) == 0) {
        CHECK_U("nuttx-cortex-m", p.abi, WB_ABI_ILP32_ALIGN8);
        CHECK_S("nuttx-cortex-m", p.aot_target, "thumbv7em");
        CHECK_U("nuttx-cortex-m", p.aot_plt_bytes, WB_PROFILE_AUTO); /* the version's PLT (model) */
        CHECK_S("nuttx-cortex-m", p.wamr_version, "2.1.0");
    }
}

/* Every *.profile in the directory loads, shipped list or not. */
static void test_every_file(const char *dir)
{
    const char *dirs[] = {dir, NULL};
    DIR *d = opendir(dir);
    struct dirent *e;
    int n = 0;
    CHECK(d != NULL, "cannot list %s", dir);
    if (!d)
        return;
    while ((e = readdir(d)) != NULL) {
        char path[1024], err[512];
        wb_profile p;
        size_t len = strlen(e->d_name);
        if (len < 9 || strcmp(e->d_name + len - 8, ".profile") != 0)
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        CHECK(wb_profile_load(path, dirs, &p, err, sizeof err) == 0, "%s", err);
        n++;
    }
    closedir(d);
    CHECK(n >= 8, "only %d profiles in %s", n, dir);
}

/* ---- parsing ---- */

static void test_every_key(void)
{
    static const char text[] =
        "\xef\xbb\xbf# every key, CRLF line ends, comments after values\r\n"
        "name = my-board\r\n"
        "description = \"a board # with a hash\"   # and a comment\r\n"
        "\r\n"
        "platform = zephyr\n"
        "abi = ilp32-align8\n"
        "locks = zephyr\n"
        "modes = aot, classic-interp\n"
        "mode = classic-interp\n"
        "hw_bound_check = off\n"
        "libc_wasi = FALSE\n"
        "wasi_threads = 1\n"
        "wamr_version = 2.1.0\n"
        "ref_types = yes\n"
        "shrunk_memory = default\n"
        "bulk_memory = no\n"
        "tail_call = on\n"
        "simd = no\n"
        "default_wasm_stack = 12K\n"
        "app_thread_stack = 4KiB\n"
        "max_threads = 3\n"
        "page_size = 1K\n"
        "aot_plt_bytes = 3980\n"
        "signal_stack_bytes = 0\n"
        "mmap_overhead = 8\n"
        "main_native_stack = 8k\n"
        "wasm_stack_size = 2M\n"
        "heap_size = 512M\n"
        "ram = 2G\n"
        "budget = 1536M\n"
        "aot_target = thumbv7em\n"
        "aot_cpu = cortex-m4\n"
        "aot_target_abi = gnu\n"
        "aot_bounds_checks = true\n"
        "module_buffer_in_pool = yes\n"
        "aot_simd = Auto\n"
        "\taot_xip = yes";
    wb_profile p;
    char err[512];
    int rc = parse(text, &p, err, sizeof err);
    CHECK(rc == 0, "every key: %s", err);
    if (rc)
        return;
    CHECK_S("every key", p.name, "my-board");
    CHECK_S("every key", p.description, "a board # with a hash");
    CHECK_U("every key", p.platform, WB_PLATFORM_ZEPHYR);
    CHECK_U("every key", p.abi, WB_ABI_ILP32_ALIGN8);
    CHECK_U("every key", p.locks, WB_LOCKS_ZEPHYR);
    CHECK_U("every key", p.modes, WB_MODE_BIT_AOT | WB_MODE_BIT_CLASSIC_INTERP);
    CHECK_U("every key", p.mode, WB_MODE_CLASSIC_INTERP);
    CHECK_U("every key", p.hw_bound_check, 0);
    CHECK_U("every key", p.libc_wasi, 0);
    CHECK_U("every key", p.wasi_threads, 1);
    CHECK_S("every key", p.wamr_version, "2.1.0");
    CHECK_U("every key", p.ref_types, 1);
    CHECK(p.shrunk_memory == -1, "every key: shrunk_memory = %d, expected -1 (default)",
          p.shrunk_memory);
    CHECK_U("every key", p.bulk_memory, 0);
    CHECK_U("every key", p.tail_call, 1);
    CHECK_U("every key", p.simd, 0);
    CHECK(p.aot_simd == -1, "every key: aot_simd = %d, expected -1 (auto)", p.aot_simd);
    CHECK_U("every key", p.default_wasm_stack, 12288);
    CHECK_U("every key", p.app_thread_stack, 4096);
    CHECK_U("every key", p.max_threads, 3);
    CHECK_U("every key", p.page_size, 1024);
    CHECK_U("every key", p.aot_plt_bytes, 3980);
    CHECK_U("every key", p.signal_stack_bytes, 0);
    CHECK_U("every key", p.mmap_overhead, 8);
    CHECK_U("every key", p.main_native_stack, 8192);
    CHECK_U("every key", p.wasm_stack_size, 2u << 20);
    CHECK_U("every key", p.heap_size, 1u << 29);
    CHECK_U("every key", p.ram, 2ull << 30);
    CHECK_U("every key", p.budget, 1536ull << 20);
    CHECK_S("every key", p.aot_target, "thumbv7em");
    CHECK_S("every key", p.aot_cpu, "cortex-m4");
    CHECK_S("every key", p.aot_target_abi, "gnu");
    CHECK_U("every key", p.aot_bounds_checks, 1);
    CHECK_U("every key", p.aot_xip, 1);
    CHECK_U("every key", p.module_buffer_in_pool, 1);
    CHECK_S("every key", p.path, "");

    /* absent keys keep the defaults; an empty text is the default profile */
    {
        wb_profile d;
        wb_profile_defaults(&d);
        CHECK(wb_profile_parse("", 0, "empty", &p, err, sizeof err) == 0, "empty: %s", err);
        CHECK(memcmp(&p, &d, sizeof p) == 0, "empty text is not the defaults");
        CHECK(parse("# only a comment\n\n   \n", &p, err, sizeof err) == 0, "comments: %s", err);
        CHECK(parse("ram = 64K\n", &p, err, sizeof err) == 0 && p.ram == 65536 &&
                  p.default_wasm_stack == d.default_wasm_stack,
              "one key: %s", err);
    }
}

static void test_errors(void)
{
    char long_name[120], long_line[1200 + 32];

    expect_error("ram = 64K\n\nfoo = 1\n", 3, "unknown key 'foo'");
    expect_error("name = x\nram = 256Q\n", 2, "bad size '256Q' for 'ram'");
    expect_error("budget = -1\n", 1, "bad size '-1' for 'budget'");
    expect_error("heap_size = 1T\n", 1, "bad size '1T' for 'heap_size'");
    expect_error("ram = 99999999999999999999\n", 1, "bad size");
    expect_error("ram = \n", 1, "empty value for 'ram'");
    expect_error("ram = 64K\nbudget = 32K\nram = 128K\n", 3,
                 "duplicate key 'ram' (already set on line 1)");
    expect_error("\n# comment\nram 256K\n", 3, "missing '=' in 'ram 256K'");
    expect_error(" = 5\n", 1, "missing key before '='");
    expect_error("libc_wasi = maybe\n", 1, "bad boolean 'maybe' for 'libc_wasi'");
    expect_error("aot_simd = sometimes\n", 1, "bad value 'sometimes' for 'aot_simd' (auto, or yes/no");
    expect_error("simd = auto\n", 1, "bad boolean 'auto' for 'simd'");
    expect_error("platform = freertos\n", 1, "unknown platform 'freertos'");
    expect_error("abi = ilp64\n", 1, "unknown abi 'ilp64'");
    expect_error("locks = musl\n", 1, "unknown locks 'musl'");
    expect_error("mode = jit\n", 1, "unknown mode 'jit'");
    expect_error("modes = aot jit\n", 1, "unknown mode 'jit' in 'modes'");
    expect_error("modes = ,\n", 1, "'modes' needs at least one engine");
    expect_error("max_threads = lots\n", 1, "bad count 'lots' for 'max_threads'");
    expect_error("max_threads = 70000\n", 1, "bad count '70000'");
    expect_error("description = \"open\n", 1, "missing closing '\"'");
    expect_error("description = \"a\" b\n", 1, "text after the closing '\"'");
    expect_error("name = has space\n", 1, "bad name 'has space'");
    expect_error("ram = 1K\ninclude = esp32\n", 2, "'include' must come before any other key");

    memset(long_name, 'n', sizeof long_name);
    memcpy(long_name, "name = ", 7);
    long_name[7 + 70] = '\n';
    long_name[7 + 71] = 0;
    expect_error(long_name, 1, "value too long for 'name' (70 bytes, at most 63)");
    memset(long_line, ' ', sizeof long_line);
    memcpy(long_line, "ram = 1K", 8);
    long_line[1200] = '\n';
    long_line[1201] = 0;
    expect_error(long_line, 1, "line too long (1200 bytes, at most 1024)");
    expect_error("ram = 1K\ndescription = caf\xc3\n", 2, "invalid UTF-8");
    expect_error("ram = 1K\ndescription = \xed\xa0\x80\n", 2, "invalid UTF-8");
    expect_error("ram = 1K\x01\n", 1, "control character 0x01");
    {
        static const char nul[] = "ram = 1K\nbudget\0 = 1K\n";
        wb_profile p;
        char err[256];
        int rc = wb_profile_parse(nul, sizeof nul - 1, "t.profile", &p, err, sizeof err);
        CHECK(rc == -1 && strstr(err, "t.profile:2: NUL byte") != NULL, "NUL: %s", err);
    }

    /* consistency, reported at the line of the offending key */
    expect_error("modes = fast-interp\nmode = aot\n", 2,
                 "mode 'aot' is not among the engines of this build (modes = fast-interp)");
    expect_error("modes = fast-interp classic-interp\nmode = fast-interp\n", 1,
                 "both fast-interp and classic-interp");
    expect_error("platform = zephyr\nlocks = zephyr\nabi = ilp32-align8\nsignal_stack_bytes = 0\n"
                 "aot_bounds_checks = yes\n",
                 0, "hw_bound_check needs a 64-bit Linux build");
    expect_error("abi = ilp32\nhw_bound_check = yes\nsignal_stack_bytes = 0\n"
                 "aot_bounds_checks = yes\n",
                 2, "hw_bound_check needs a 64-bit Linux build");
    expect_error("hw_bound_check = no\naot_bounds_checks = yes\nsignal_stack_bytes = 32K\n", 3,
                 "signal_stack_bytes is set but hw_bound_check is off");
    expect_error("hw_bound_check = no\nsignal_stack_bytes = 0\naot_bounds_checks = no\n", 3,
                 "aot_bounds_checks = no needs hw_bound_check");
    expect_error("locks = zephyr\n", 1, "does not match platform = linux");
    expect_error("page_size = 3000\n", 1, "page_size 3000 must be a power of two");
    expect_error("page_size = 128K\n", 1, "from 1 to 64K");
    expect_error("platform = nuttx\nabi = ilp32\nhw_bound_check = no\nsignal_stack_bytes = 0\n"
                 "aot_bounds_checks = yes\n",
                 0, "does not match platform = nuttx");
    expect_error("locks = nuttx\n", 1, "locks = nuttx does not match platform = linux");
    expect_error("module_buffer_in_pool = maybe\n", 1, "bad boolean 'maybe'");
    expect_error("ram = 256K\nbudget = 300K\n", 2, "budget (307200 bytes) is larger than ram");
    expect_error("max_threads = 0\n", 1, "wasi_threads = yes needs max_threads");
    expect_error("wasi_threads = no\nlib_pthread = yes\nmax_threads = 0\n", 3,
                 "lib_pthread = yes needs max_threads");
    expect_error("shared_memory = no\n", 1, "wasi-threads needs shared memory");
    expect_error("shared_memory = sometimes\n", 1, "bad value 'sometimes' for 'shared_memory'");
    expect_error("heap_size = 2G\n", 1, "APP_HEAP_SIZE_MAX");
    expect_error("aot_target =\n", 1, "aot_target is empty");
    expect_error("default_wasm_stack = 0\n", 1, "default_wasm_stack must not be 0");
}

static void test_includes(const char *data, const char *shipped_dir)
{
    const char *dirs[] = {shipped_dir, NULL};
    char path[1024], err[1024];
    wb_profile p;
    int rc;

    snprintf(path, sizeof path, "%s/derived.profile", data);
    rc = wb_profile_load(path, dirs, &p, err, sizeof err);
    CHECK(rc == 0, "derived: %s", err);
    if (rc == 0) {
        CHECK_S("derived", p.name, "derived"); /* from the file name */
        CHECK_S("derived", p.description, "derived # not a comment inside quotes");
        CHECK_U("derived", p.ram, 96 * 1024);
        CHECK_U("derived", p.budget, 64 * 1024);
        CHECK_U("derived", p.platform, WB_PLATFORM_ZEPHYR);
        CHECK_U("derived", p.app_thread_stack, 4096);
    }
    snprintf(path, sizeof path, "%s/noname.profile", data);
    rc = wb_profile_load(path, dirs, &p, err, sizeof err);
    CHECK(rc == 0 && strcmp(p.name, "noname") == 0 && p.ram == 128 * 1024, "noname: %s %s", err,
          p.name);

    snprintf(path, sizeof path, "%s/cycle-a.profile", data);
    rc = wb_profile_load(path, dirs, &p, err, sizeof err);
    CHECK(rc == -1 && strstr(err, "cycle-b.profile:1: include cycle") && strstr(err, "cycle-a.profile' includes itself"), "cycle: %s",
          err);

    /* includes nest up to 8 deep below the profile loaded, not 9 */
    snprintf(path, sizeof path, "%s/nest-0.profile", data);
    rc = wb_profile_load(path, dirs, &p, err, sizeof err);
    CHECK(rc == 0, "8 nested includes: %s", err);
    if (rc == 0) {
        CHECK_S("nest-0", p.name, "nest-0");
        CHECK_U("nest-0", p.ram, 64 * 1024); /* from nest-8, the innermost */
    }
    snprintf(path, sizeof path, "%s/nest-9.profile", data);
    rc = wb_profile_load(path, dirs, &p, err, sizeof err);
    CHECK(rc == -1 && strstr(err, "nest-7.profile:1: 'include' nested more than 8 deep"),
          "9 nested includes: %s", err);

    snprintf(path, sizeof path, "%s/missing-include.profile", data);
    rc = wb_profile_load(path, dirs, &p, err, sizeof err);
    CHECK(rc == -1 && strstr(err, "missing-include.profile:2: cannot include 'no-such-board'"),
          "missing include: %s", err);

    snprintf(path, sizeof path, "%s/bad-consistency.profile", data);
    rc = wb_profile_load(path, dirs, &p, err, sizeof err);
    CHECK(rc == -1 && strstr(err, "bad-consistency.profile:3: hw_bound_check needs"),
          "consistency after include: %s", err);

    /* include by name from the search directories, in a parsed text */
    rc = wb_profile_parse("include = esp32\n", 16, "t.profile", &p, err, sizeof err);
    CHECK(rc == -1 && strstr(err, "t.profile:1: cannot include 'esp32'"),
          "parse has no search path: %s", err);

    rc = wb_profile_load("no-such-board", dirs, &p, err, sizeof err);
    CHECK(rc == -1 && strstr(err, "profile 'no-such-board' not found") &&
              strstr(err, "esp32s3"),
          "unknown name lists the shipped profiles: %s", err);
    rc = wb_profile_load("../etc/passwd", dirs, &p, err, sizeof err);
    CHECK(rc == -1, "a path that does not exist was loaded");
    rc = wb_profile_load("bad name!", dirs, &p, err, sizeof err);
    CHECK(rc == -1 && strstr(err, "bad profile name"), "bad name: %s", err);
    snprintf(path, sizeof path, "%s/nothing-here.profile", data);
    rc = wb_profile_load(path, dirs, &p, err, sizeof err);
    CHECK(rc == -1 && strstr(err, "not found"), "missing file: %s", err);
}

static void test_names(void)
{
    wb_mode m;
    for (int i = 0; i < 3; i++) {
        CHECK(wb_mode_parse(wb_mode_name((wb_mode)i), &m) == 0 && m == (wb_mode)i,
              "mode %d round trip", i);
    }
    CHECK(wb_mode_parse("jit", &m) == -1, "jit parsed as a mode");
    CHECK(wb_mode_parse("AOT", &m) == 0 && m == WB_MODE_AOT, "AOT");
    CHECK_S("names", wb_platform_name(WB_PLATFORM_ESP_IDF), "esp-idf");
    CHECK_S("names", wb_platform_name(WB_PLATFORM_RT_THREAD), "rt-thread");
    CHECK_S("names", wb_abi_name(WB_ABI_ILP32_ALIGN8), "ilp32-align8");
    CHECK_S("names", wb_locks_name(WB_LOCKS_NEWLIB), "newlib");
    CHECK_S("names", wb_locks_name(WB_LOCKS_NUTTX), "nuttx");
    CHECK_U("names", wb_mode_bit(WB_MODE_FAST_INTERP), WB_MODE_BIT_FAST_INTERP);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: test_profile SHIPPED_PROFILE_DIR TEST_PROFILE_DIR\n");
        return 2;
    }
    test_names();
    test_shipped(argv[1]);
    test_every_file(argv[1]);
    test_every_key();
    test_errors();
    test_includes(argv[2], argv[1]);
    if (failures) {
        fprintf(stderr, "%d check(s) failed\n", failures);
        return 1;
    }
    printf("profiles: all checks passed\n");
    return 0;
}
