/* wamr-budget: command-line front end (being written). */
#include <stdio.h>
int main(void)
{
    fputs("wamr-budget: not built yet\n", stderr);
    return 2;
}
