/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where a schedule comes from: an http(s) URL, a local path or a file:// URI. One
 * conference has one location, so the library, the cache and the CLI agree on it. */

/* TRUE for http:// and https:// URLs: fetched over the network. */
gboolean  hallway_location_is_web      (const char *location);
/* TRUE for file:// URIs, absolute paths and relative paths to a file that exists: what
 * else is neither (typing "not a url" names no file, though a path could be made of it). */
gboolean  hallway_location_is_file     (const char *location);
/* http(s) URLs stay as given (the cache is keyed by them); local paths (relative ones from
 * the current folder) and file:// URIs become file:// URIs. */
char     *hallway_location_normalize   (const char *location);
/* The id a conference at this location gets: a short hash of the normalized location. It
 * names the conference's files (bookmarks, reminder state, export sequences). */
char     *hallway_location_dup_id      (const char *location);
/* Where a conference comes from, for a person telling two of the same name apart: a URL's
 * host ("fosdem.org", with its port when it has one), "File: fosdem-2026.xml" for a file. */
char     *hallway_location_dup_source_label (const char *location);

G_END_DECLS
