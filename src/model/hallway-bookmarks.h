/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

#include "hallway-types.h"

G_BEGIN_DECLS

#define HALLWAY_BOOKMARKS_ERROR (hallway_bookmarks_error_quark ())

typedef enum
{
  HALLWAY_BOOKMARKS_ERROR_NEWER_VERSION, /* written by a newer Hallway: not read, never overwritten
                                          */
  HALLWAY_BOOKMARKS_ERROR_CORRUPT,       /* unreadable: moved aside to "<name>.corrupt" */
} HallwayBookmarksError;

GQuark hallway_bookmarks_error_quark (void);

#define HALLWAY_TYPE_BOOKMARKS (hallway_bookmarks_get_type ())
G_DECLARE_FINAL_TYPE (HallwayBookmarks, hallway_bookmarks, HALLWAY, BOOKMARKS, GObject)

/* The bookmarks of one conference, keyed by talk identity key, stored in one versioned
 * JSON file written atomically. Each bookmark keeps a snapshot of the talk (title, start,
 * end, room) so a talk that disappears from the schedule can still be shown, as cancelled.
 * "changed" is emitted after every change of the set. */
HallwayBookmarks *hallway_bookmarks_new           (GFile             *file);
gboolean          hallway_bookmarks_load          (HallwayBookmarks  *self,
                                                   GError           **error);
const char       *hallway_bookmarks_get_recovered_message (HallwayBookmarks *self);
gboolean          hallway_bookmarks_contains      (HallwayBookmarks  *self,
                                                   const char        *key);
void              hallway_bookmarks_add           (HallwayBookmarks  *self,
                                                   HallwayTalk      *talk);
void              hallway_bookmarks_remove        (HallwayBookmarks  *self,
                                                   const char        *key);
GStrv             hallway_bookmarks_dup_keys      (HallwayBookmarks  *self);
guint             hallway_bookmarks_get_n_items   (HallwayBookmarks  *self);
/* Refreshes the snapshots from a new version of the schedule; bookmarks whose talk is gone
 * stay, marked cancelled. Returns nothing: listen to "changed". */
void              hallway_bookmarks_update_from   (HallwayBookmarks  *self,
                                                   HallwayConference *conference);
gboolean          hallway_bookmarks_is_track_hidden  (HallwayBookmarks *self,
                                                      const char       *track);
void              hallway_bookmarks_set_track_hidden (HallwayBookmarks *self,
                                                      const char       *track,
                                                      gboolean          hidden);
/* Track names; owned by the bookmarks. */
GHashTable       *hallway_bookmarks_get_hidden_tracks (HallwayBookmarks *self);
gboolean          hallway_bookmarks_is_backup     (HallwayBookmarks  *self,
                                                   const char        *key);
void              hallway_bookmarks_set_backup    (HallwayBookmarks  *self,
                                                   const char        *key,
                                                   gboolean           backup);
gboolean          hallway_bookmarks_is_cancelled  (HallwayBookmarks  *self,
                                                   const char        *key);
/* The stored snapshot: title, start and end (ISO 8601), room. */
gboolean          hallway_bookmarks_get_snapshot  (HallwayBookmarks  *self,
                                                   const char        *key,
                                                   const char       **title,
                                                   GDateTime        **start,
                                                   GDateTime        **end,
                                                   const char       **room);
/* Synchronous atomic save (g_file_replace_contents with REPLACE_DESTINATION); the async
 * variant holds no lock on the main loop. */
gboolean          hallway_bookmarks_save          (HallwayBookmarks  *self,
                                                   GCancellable      *cancellable,
                                                   GError           **error);
void              hallway_bookmarks_save_async    (HallwayBookmarks   *self,
                                                   GCancellable       *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer            user_data);
gboolean          hallway_bookmarks_save_finish   (HallwayBookmarks  *self,
                                                   GAsyncResult      *result,
                                                   GError           **error);
/* With autosave, every change is saved in the background: one save after a burst of
 * changes, holding the default GApplication meanwhile so that closing the last window never
 * loses a bookmark. A failed save emits "save-failed" with its message. */
void              hallway_bookmarks_set_autosave  (HallwayBookmarks  *self,
                                                   gboolean           autosave);

G_END_DECLS
