/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The locale from the environment and Hallway's message catalogues: installed ones, or the
 * build folder's when HALLWAY_LOCALE_DIR names it (build-aux/dev and the tests set it). */
void hallway_i18n_init (void);

G_END_DECLS
