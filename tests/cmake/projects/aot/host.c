/* The host links the embedded module: with AOT it is the .aot file. */
#include <stdio.h>
#include <string.h>

#include "app_budget.h"

extern unsigned char app_module[];
extern const unsigned int app_module_len;

int main(void)
{
    if (app_module_len < 8 || memcmp(app_module, "\0aot", 4) != 0) {
        printf("embedded module is not an .aot file\n");
        return 1;
    }
    printf("aot module %u bytes, mode %s, pool %u\n", app_module_len, APP_MODE,
           (unsigned)APP_GLOBAL_HEAP_POOL_SIZE);
    return strcmp(APP_MODE, "aot") == 0 && APP_EXEC_MEMORY > 0 ? 0 : 1;
}
