/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

#include "hallway-library-entry.h"

G_BEGIN_DECLS

/* Conferences the user may follow: GListModels of known HallwayLibraryEntry items. The
 * file format is described at hallway_catalogue_read() in hallway-catalogue.c. Errors are
 * HALLWAY_LIBRARY_ERROR_CATALOGUE and name the file or URL and what is wrong, or the GIO
 * error of reading it. */

/* Hallway's own: conferences anyone may want, never followed by default. */
GListModel *hallway_catalogue_new_builtin       (void);
/* A catalogue file; its conferences, then the built-in ones unless it says
 * "include-builtin": false. */
GListModel *hallway_catalogue_read              (GFile       *file,
                                                 GError     **error);
/* The Flatpak extension's catalogue.json, else the first "hallway/catalogue.json" of the
 * system data folders, else the built-in one; the error only says that a file that is
 * there cannot be used (the result is then the built-in catalogue). */
GListModel *hallway_catalogue_read_system       (GError     **error);
/* A catalogue downloaded from url (at most 1 MiB), or its cached copy. */
GListModel *hallway_catalogue_new_from_download (const char  *url,
                                                 GBytes      *bytes,
                                                 GError     **error);

G_END_DECLS
