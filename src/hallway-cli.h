/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

int  hallway_cli_dump               (const char   *location);
int  hallway_cli_export_agenda      (const char   *path,
                                     const char   *acronym);
void hallway_cli_add_option_entries (GApplication *application);
int  hallway_cli_handle_options     (GVariantDict *options);

G_END_DECLS
