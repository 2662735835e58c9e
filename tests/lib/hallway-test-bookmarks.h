/* SPDX-License-Identifier: EUPL-1.2 */
/* Bookmarks in tests: files under the throwaway data folder, loading and saving that must
 * succeed, the keys a set holds, and a description of a whole set to compare. */
#pragma once

#include <gio/gio.h>

#include "hallway-bookmarks.h"

G_BEGIN_DECLS

/* <XDG_DATA_HOME>/<folder>/bookmarks/<name>. */
GFile            *hallway_test_bookmarks_file       (const char              *folder,
                                                     const char              *name);
/* A set on file, loaded without an error. */
HallwayBookmarks *hallway_test_load_bookmarks       (GFile                   *file);
/* Saves, synchronously or through the async call; both must succeed. */
void              hallway_test_save_bookmarks       (HallwayBookmarks        *bookmarks);
void              hallway_test_save_bookmarks_async (HallwayBookmarks        *bookmarks);

/* The keys, as hallway_bookmarks_dup_keys() lists them, are expected (NULL-terminated). */
void              hallway_test_assert_keys          (HallwayBookmarks        *bookmarks,
                                                     const char * const      *expected);
/* …as a fresh set loaded from file lists them. */
void              hallway_test_assert_keys_on_disk  (GFile                   *file,
                                                     const char * const      *expected);

/* "key: title | start | end | room | backup B cancelled C" ("-" for what is unset;
 * "key: no snapshot" without one). */
char             *hallway_test_describe_bookmark    (HallwayBookmarks        *bookmarks,
                                                     const char              *key);
/* Every bookmark's line, sorted, then "hidden <track>" for each hidden track, sorted; with
 * require_snapshots, fails on a bookmark that has no snapshot. */
char             *hallway_test_describe_bookmarks   (HallwayBookmarks        *bookmarks,
                                                     gboolean                 require_snapshots);

G_END_DECLS
