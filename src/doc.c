/* doc — placeholder. */
#include "gloss/gloss.h"
