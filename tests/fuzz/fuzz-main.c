/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-fuzz"

#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "hallway-fuzz.h"

/* One libFuzzer binary per target: meson builds this file once for each, with
 * HALLWAY_FUZZ_TARGET naming it. Run through `build-aux/dev fuzz TARGET SECONDS`. */
#ifndef HALLWAY_FUZZ_TARGET
#error "HALLWAY_FUZZ_TARGET names the target"
#endif

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static const HallwayFuzzTarget *target;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  hallway_fuzz_init (FALSE);
  target = hallway_fuzz_lookup (HALLWAY_FUZZ_TARGET);
  if (target == NULL)
    g_error ("hallway-fuzz: no target named %s", HALLWAY_FUZZ_TARGET);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  target->run (data, size);
  return 0;
}
