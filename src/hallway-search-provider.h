/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

#include "hallway-library.h"

G_BEGIN_DECLS

#define HALLWAY_TYPE_SEARCH_PROVIDER (hallway_search_provider_get_type ())
G_DECLARE_FINAL_TYPE (HallwaySearchProvider, hallway_search_provider, HALLWAY,
                      SEARCH_PROVIDER, GObject)

/* The desktop's search over D-Bus, served by the application itself: GNOME Shell's
 * org.gnome.Shell.SearchProvider2 at <app path>/SearchProvider and KRunner's
 * org.kde.krunner1 at <app path>/KRunner, the same matches (hallway-desktop-search.c; KRunner
 * gets the first 25).
 * Calls that come before the library is loaded wait for it. Opening a talk and the
 * window's search go through the application's actions app.open-talk and
 * app.search-talks. The application is held while a call is answered, so one started only
 * for search goes after its inactivity timeout. */
HallwaySearchProvider *hallway_search_provider_new         (GApplication          *application);
gboolean               hallway_search_provider_export      (HallwaySearchProvider *self,
                                                            GDBusConnection       *connection,
                                                            const char            *app_path,
                                                            GError               **error);
void                   hallway_search_provider_unexport    (HallwaySearchProvider *self);
/* The library, loaded, and the application's settings: the calls that waited are
 * answered. */
void                   hallway_search_provider_set_library (HallwaySearchProvider *self,
                                                            HallwayLibrary        *library,
                                                            GSettings             *settings);

G_END_DECLS
