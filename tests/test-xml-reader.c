/* SPDX-License-Identifier: EUPL-1.2 */
/* PLACEHOLDER: being written; fails until then so nothing passes by accident. */
#include <glib.h>
int
main (int argc, char *argv[])
{
  return 1;
}
