/* typo — placeholder until the module lands. */
#include "gloss/gloss.h"
