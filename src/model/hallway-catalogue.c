/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-catalogue"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hallway-catalogue.h"
#include "hallway-file.h"
#include "hallway-json.h"
#include "hallway-library.h"

#define CATALOGUE_FORMAT_VERSION 1

/* A downloaded catalogue: a list of conferences, never near this size. */
#define CATALOGUE_MAX_SIZE (1024 * 1024)

/* Hallway's own catalogue: conferences anyone may want, never followed by default. */
typedef struct
{
  const char *title;
  const char *location;
  const char *subtitle;
  const char *room_status;   /* the room status API, as FOSDEM Companion reads it */
  const char *navigation;    /* the campus navigation, "{room}" for a room's location slug */
  const char *room_page;     /* a room's page on the website, "{room}" for its slug */
  const char *stream;        /* a room's live stream, "{room}" for its slug */
} KnownConference;

#define FOSDEM_ROOM_STATUS "https://api.fosdem.org/roomstatus/v1/listrooms"
/* c3nav's locations keep the honorary name: "h1301_cornil", as FOSDEM Companion links. */
#define FOSDEM_NAVIGATION  "https://nav.fosdem.org/d/{room}/"
/* The schedule's <base_url> followed by room/<room slug>/, as its <room slug> gives it. */
#define FOSDEM_ROOM_PAGE(year) "https://fosdem.org/" year "/schedule/room/{room}/"
/* The HLS playlist of a room, as FOSDEM's iOS app plays it. */
#define FOSDEM_STREAM      "https://stream.fosdem.org/{room}.m3u8"

static const KnownConference builtin_catalogue[] = {
  { "FOSDEM 2027", "https://fosdem.org/2027/schedule/xml",
    N_("Brussels · early 2027"), FOSDEM_ROOM_STATUS, FOSDEM_NAVIGATION,
    FOSDEM_ROOM_PAGE ("2027"), FOSDEM_STREAM },
  { "FOSDEM 2026", "https://fosdem.org/2026/schedule/xml",
    N_("Brussels · 31 January – 1 February 2026"), FOSDEM_ROOM_STATUS, FOSDEM_NAVIGATION,
    FOSDEM_ROOM_PAGE ("2026"), FOSDEM_STREAM },
  /* The Fahrplan that CCC's own app (EventFahrplan) follows: the main programme. */
  { "39C3: 39th Chaos Communication Congress",
    "https://fahrplan.events.ccc.de/congress/2025/fahrplan/schedules/schedule.xml",
    N_("Hamburg · 27–30 December 2025 · main programme") },
  /* C3VOC's merge of every stage, assembly and self-organised session (the file in
   * ../shared/schedules comes from this repository). */
  { "39C3: everything",
    "https://raw.githubusercontent.com/voc/39C3_schedule/HEAD/everything.schedule.json",
    N_("Hamburg · 27–30 December 2025 · all stages and assemblies (C3VOC)") },
};

static gboolean
store_has_location (GListStore *store, const char *location)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (store));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr (HallwayLibraryEntry) entry = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (g_str_equal (hallway_library_entry_get_location (entry), location))
        return TRUE;
    }
  return FALSE;
}

static void
append_builtin_catalogue (GListStore *store)
{
  for (gsize i = 0; i < G_N_ELEMENTS (builtin_catalogue); i++)
    {
      const KnownConference *known = &builtin_catalogue[i];
      g_autoptr (HallwayLibraryEntry) entry = NULL;

      if (store_has_location (store, known->location))
        continue;
      entry =
        hallway_library_entry_new_known (known->title, known->location, _(known->subtitle), FALSE);
      hallway_library_entry_set_venue (entry, known->room_status, known->navigation,
                                       known->room_page);
      hallway_library_entry_set_room_stream (entry, known->stream);
      g_list_store_append (store, entry);
    }
}

GListModel *
hallway_catalogue_new_builtin (void)
{
  GListStore *store = g_list_store_new (HALLWAY_TYPE_LIBRARY_ENTRY);

  append_builtin_catalogue (store);
  return G_LIST_MODEL (store);
}

/* A relative path would depend on the folder Hallway happens to start in. */
static gboolean
is_catalogue_location (const char *location)
{
  const char *scheme = g_uri_peek_scheme (location);

  if (scheme != NULL)
    return g_str_equal (scheme, "http") || g_str_equal (scheme, "https") ||
           g_str_equal (scheme, "file");
  return g_path_is_absolute (location);
}

static gboolean
is_web_url (const char *url)
{
  const char *scheme = g_uri_peek_scheme (url);

  return scheme != NULL && (g_str_equal (scheme, "http") || g_str_equal (scheme, "https"));
}

/* "room-status", "room-navigation", "room-page" and "room-stream": absent, or http(s) URLs. */
static gboolean
check_venue_urls (JsonObject *object, guint number, const char *title, GError **error)
{
  static const char *members[] = { "room-status", "room-navigation", "room-page",
                                   "room-stream" };

  for (gsize i = 0; i < G_N_ELEMENTS (members); i++)
    {
      const char *url = hallway_json_string_member (object, members[i]);

      if (json_object_has_member (object, members[i]) && (url == NULL || !is_web_url (url)))
        {
          g_set_error (error, HALLWAY_LIBRARY_ERROR, HALLWAY_LIBRARY_ERROR_CATALOGUE,
                       _("conference %u (“%s”): “%s” is not an http(s) URL"), number, title,
                       members[i]);
          return FALSE;
        }
    }
  return TRUE;
}

static HallwayLibraryEntry *
catalogue_entry_from_json (JsonNode *node, guint number, GError **error)
{
  JsonObject *object;
  const char *title;
  const char *location;
  HallwayLibraryEntry *entry;

  object = hallway_json_conference_object (node, number, HALLWAY_LIBRARY_ERROR,
                                           HALLWAY_LIBRARY_ERROR_CATALOGUE, error);
  if (object == NULL)
    return NULL;
  title = hallway_json_string_member (object, "title");
  location = hallway_json_string_member (object, "location");
  if (title == NULL || *title == '\0')
    {
      g_set_error (error, HALLWAY_LIBRARY_ERROR, HALLWAY_LIBRARY_ERROR_CATALOGUE,
                   _("conference %u has no “title”"), number);
      return NULL;
    }
  if (location == NULL || *location == '\0')
    {
      g_set_error (error, HALLWAY_LIBRARY_ERROR, HALLWAY_LIBRARY_ERROR_CATALOGUE,
                   _("conference %u (“%s”) has no “location”"), number, title);
      return NULL;
    }
  if (!is_catalogue_location (location))
    {
      g_set_error (error, HALLWAY_LIBRARY_ERROR, HALLWAY_LIBRARY_ERROR_CATALOGUE,
                   _("conference %u (“%s”): “%s” is neither an http(s) URL nor an absolute "
                     "file path"), number, title, location);
      return NULL;
    }
  if (!check_venue_urls (object, number, title, error))
    return NULL;
  entry = hallway_library_entry_new_known (title, location,
                                           hallway_json_string_member (object, "subtitle"),
                                           hallway_json_boolean_member (object, "follow", FALSE));
  hallway_library_entry_set_venue (entry, hallway_json_string_member (object, "room-status"),
                                   hallway_json_string_member (object, "room-navigation"),
                                   hallway_json_string_member (object, "room-page"));
  hallway_library_entry_set_room_stream (entry, hallway_json_string_member (object, "room-stream"));
  return entry;
}

/* The messages set here are details; hallway_catalogue_read() names the file. */
static GListStore *
parse_catalogue (const char *contents, gsize length, GError **error)
{
  g_autoptr (JsonNode) root_node = NULL;
  g_autoptr (GListStore) store = g_list_store_new (HALLWAY_TYPE_LIBRARY_ENTRY);
  JsonObject *root = hallway_json_parse_object (&root_node, contents, length, HALLWAY_LIBRARY_ERROR,
                                                HALLWAY_LIBRARY_ERROR_CATALOGUE, error);
  JsonNode *conferences;
  JsonArray *array;
  gint64 version = 0;

  if (root == NULL)
    return NULL;
  if (!hallway_file_read_format_version (root, &version))
    {
      g_set_error_literal (error, HALLWAY_LIBRARY_ERROR, HALLWAY_LIBRARY_ERROR_CATALOGUE,
                           _("it has no format “version”"));
      return NULL;
    }
  if (version > CATALOGUE_FORMAT_VERSION)
    {
      g_autofree char *number = hallway_file_describe_version (version);

      g_set_error (error, HALLWAY_LIBRARY_ERROR, HALLWAY_LIBRARY_ERROR_CATALOGUE,
                   _("its format version %s is newer than this Hallway reads (%d)"),
                   number, CATALOGUE_FORMAT_VERSION);
      return NULL;
    }
  conferences = json_object_get_member (root, "conferences");
  if (conferences == NULL || !JSON_NODE_HOLDS_ARRAY (conferences))
    {
      g_set_error_literal (error, HALLWAY_LIBRARY_ERROR, HALLWAY_LIBRARY_ERROR_CATALOGUE,
                           _("the list of “conferences” is missing"));
      return NULL;
    }
  array = json_node_get_array (conferences);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr (HallwayLibraryEntry) entry =
        catalogue_entry_from_json (json_array_get_element (array, i), i + 1, error);

      if (entry == NULL)
        return NULL;
      if (!store_has_location (store, hallway_library_entry_get_location (entry)))
        g_list_store_append (store, entry);
    }
  if (hallway_json_boolean_member (root, "include-builtin", TRUE))
    append_builtin_catalogue (store);
  return g_steal_pointer (&store);
}

/* The catalogue an administrator provides: downloaded from the URL of the GSettings key
 * "catalogue-url" (hallway_library_set_catalogue_url()), else catalogue.json in the folder
 * of the Flatpak extension io.github.hallway_app.Hallway.Catalogue, else the first
 * "hallway/catalogue.json" in the system data folders ($XDG_DATA_DIRS), for example
 * /usr/share/hallway/catalogue.json:
 *
 *   {
 *     "version": 1,
 *     "include-builtin": false,                  optional; default true: Hallway's own
 *                                                catalogue (FOSDEM, CCC…) follows
 *     "conferences": [
 *       {
 *         "title": "OpenGov Days 2026",          required
 *         "location": "https://…/schedule.xml",  required: an http(s) URL, a file:// URI
 *                                                or an absolute path
 *         "subtitle": "Berlin · 12–13 May 2026", optional, shown under the title
 *         "follow": true,                        optional, default false: a new library
 *                                                starts with it (first start only)
 *         "room-status": "https://…",            optional: which rooms are full, as
 *                                                https://api.fosdem.org/roomstatus/v1/listrooms
 *                                                gives it (hallway-room-status.c)
 *         "room-navigation": "https://…/{room}/", optional: a room's way on the campus,
 *                                                "{room}" for its location slug
 *                                                ("h1301_cornil")
 *         "room-page": "https://…/{room}/",      optional: a room's page on the website,
 *                                                "{room}" for its slug ("h1301")
 *         "room-stream": "https://…/{room}.m3u8" optional: a room's live stream, played
 *       }                                        in Hallway's player (GStreamer)
 *     ]
 *   }
 *
 * Any other member is ignored, so later versions can add some. */
GListModel *
hallway_catalogue_read (GFile *file, GError **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  g_autoptr (GError) local_error = NULL;
  GListStore *store;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_file_get_parse_name (file);
  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not read the conference catalogue “%s”: %s"), name,
                   local_error->message);
      return NULL;
    }
  store = parse_catalogue (contents, length, &local_error);
  if (store == NULL)
    {
      g_set_error (error, HALLWAY_LIBRARY_ERROR, HALLWAY_LIBRARY_ERROR_CATALOGUE,
                   _("The conference catalogue “%s” cannot be used: %s. Hallway lists its "
                     "built-in conferences instead."), name, local_error->message);
      return NULL;
    }
  return G_LIST_MODEL (store);
}

/* The folder of the io.github.hallway_app.Hallway.Catalogue Flatpak extension (meson's
 * catalogue_dir, /app/share/hallway/catalogue in the Flatpak): the sandbox never sees the
 * host's data folders. HALLWAY_CATALOGUE_DIR moves it, for the tests. */
static char *
dup_extension_catalogue_path (void)
{
  const char *folder = g_getenv ("HALLWAY_CATALOGUE_DIR");

  return g_build_filename (folder != NULL && *folder != '\0' ? folder : HALLWAY_CATALOGUE_DIR,
                           "catalogue.json", NULL);
}

/* The extension's catalogue.json, else the first "hallway/catalogue.json" of the system
 * data folders ($XDG_DATA_DIRS). */
static GFile *
find_system_catalogue (void)
{
  const char * const *folders = g_get_system_data_dirs ();
  g_autofree char *extension = dup_extension_catalogue_path ();

  if (g_file_test (extension, G_FILE_TEST_EXISTS))
    return g_file_new_for_path (extension);
  for (guint i = 0; folders[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (folders[i], "hallway", "catalogue.json", NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        return g_file_new_for_path (path);
    }
  return NULL;
}

/* The system catalogue, else the built-in one; error only for a system file that is
 * there but cannot be used. */
GListModel *
hallway_catalogue_read_system (GError **error)
{
  g_autoptr (GFile) file = find_system_catalogue ();
  GListModel *catalogue;

  if (file == NULL)
    return hallway_catalogue_new_builtin ();
  catalogue = hallway_catalogue_read (file, error);
  return catalogue != NULL ? catalogue : hallway_catalogue_new_builtin ();
}

/* A catalogue downloaded from url (or its cached copy); the error names the URL. */
GListModel *
hallway_catalogue_new_from_download (const char *url, GBytes *bytes, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  GListStore *store = NULL;
  gsize length = 0;
  const char *contents = g_bytes_get_data (bytes, &length);

  if (length > CATALOGUE_MAX_SIZE)
    {
      g_autofree char *size = g_format_size (length);
      g_autofree char *limit = g_format_size (CATALOGUE_MAX_SIZE);

      g_set_error (&local_error, HALLWAY_LIBRARY_ERROR, HALLWAY_LIBRARY_ERROR_CATALOGUE,
                   _("it is %s, more than a catalogue may be (%s)"), size, limit);
    }
  else
    store = parse_catalogue (contents, length, &local_error);
  if (store == NULL)
    {
      g_set_error (error, HALLWAY_LIBRARY_ERROR, HALLWAY_LIBRARY_ERROR_CATALOGUE,
                   _("The conference catalogue at “%s” cannot be used: %s"), url,
                   local_error->message);
      return NULL;
    }
  return G_LIST_MODEL (store);
}
