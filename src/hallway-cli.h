/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int hallway_cli_dump          (const char *location);
int hallway_cli_export_agenda (const char *path,
                               const char *acronym);

G_END_DECLS
