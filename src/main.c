/*
 * main — placeholder entry point until the command line lands.
 */
#include "gloss/gloss.h"

int
main(void)
{
	return 0;
}
