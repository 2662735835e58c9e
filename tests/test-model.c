/* SPDX-License-Identifier: EUPL-1.2 */
#include "hallway-conference-private.h"
#include "hallway-event-private.h"
#include "hallway-schedule-time.h"

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  return g_test_run ();
}
