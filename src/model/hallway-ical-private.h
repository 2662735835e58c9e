/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* libical aborts on errors by default: a broken file must only be refused, an export must
 * only fail. Every caller of libical calls this first. */
void hallway_ical_make_errors_recoverable (void);

G_END_DECLS
