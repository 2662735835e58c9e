/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-desktop-search"

#include <glib/gi18n.h>
#include <string.h>

#include "hallway-conference.h"
#include "hallway-desktop-search.h"
#include "hallway-search.h"
#include "hallway-talk.h"

#define ID_SEPARATOR '/'

/* The shell hands the words it split; the window's parser folds and splits them again. */
static GStrv
parse_terms (const char * const *terms)
{
  g_autofree char *joined = g_strjoinv (" ", (char **) terms);

  return hallway_search_parse_query (joined);
}

static char *
dup_result_id (HallwayLibraryEntry *entry, HallwayTalk *talk)
{
  return g_strdup_printf ("%s%c%s", hallway_library_entry_get_id (entry), ID_SEPARATOR,
                          hallway_talk_get_key (talk));
}

GStrv
hallway_desktop_search_find (HallwayLibrary *library, const char * const *terms)
{
  g_auto (GStrv) words = parse_terms (terms);
  g_autoptr (GStrvBuilder) results = g_strv_builder_new ();
  GListModel *entries = G_LIST_MODEL (library);

  g_return_val_if_fail (HALLWAY_IS_LIBRARY (library), NULL);

  /* No words (only spaces) would match everything. */
  if (words[0] == NULL)
    return g_strv_builder_end (results);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr (HallwayLibraryEntry) entry = g_list_model_get_item (entries, i);
      GListModel *talks = G_LIST_MODEL (hallway_library_entry_get_conference (entry));

      for (guint j = 0; talks != NULL && j < g_list_model_get_n_items (talks); j++)
        {
          g_autoptr (HallwayTalk) talk = g_list_model_get_item (talks, j);

          if (hallway_search_talk_names_match (talk, (const char * const *) words))
            g_strv_builder_take (results, dup_result_id (entry, talk));
        }
    }
  return g_strv_builder_end (results);
}

GStrv
hallway_desktop_search_refine (HallwayLibrary     *library,
                               const char * const *previous,
                               const char * const *terms)
{
  g_auto (GStrv) words = parse_terms (terms);
  g_autoptr (GStrvBuilder) results = g_strv_builder_new ();

  g_return_val_if_fail (HALLWAY_IS_LIBRARY (library), NULL);

  if (words[0] == NULL)
    return g_strv_builder_end (results);
  for (guint i = 0; previous[i] != NULL; i++)
    {
      HallwayTalk *talk = hallway_desktop_search_lookup (library, previous[i], NULL);

      if (talk != NULL && hallway_search_talk_names_match (talk, (const char * const *) words))
        g_strv_builder_add (results, previous[i]);
    }
  return g_strv_builder_end (results);
}

HallwayTalk *
hallway_desktop_search_lookup (HallwayLibrary       *library,
                               const char           *result_id,
                               HallwayLibraryEntry **entry_out)
{
  const char *separator = strchr (result_id, ID_SEPARATOR);
  g_autofree char *conference_id = NULL;
  HallwayLibraryEntry *entry;
  HallwayConference *conference;

  g_return_val_if_fail (HALLWAY_IS_LIBRARY (library), NULL);

  if (separator == NULL)
    return NULL;
  conference_id = g_strndup (result_id, separator - result_id);
  entry = hallway_library_lookup (library, conference_id);
  conference = entry != NULL ? hallway_library_entry_get_conference (entry) : NULL;
  if (conference == NULL)
    return NULL;
  if (entry_out != NULL)
    *entry_out = entry;
  return hallway_conference_lookup_talk (conference, separator + 1);
}

char *
hallway_desktop_search_describe (HallwayLibraryEntry *entry, HallwayTalk *talk,
                                 gboolean local_time)
{
  HallwayConference *conference = hallway_library_entry_get_conference (entry);
  g_autoptr (GDateTime) start = local_time
    ? g_date_time_to_local (hallway_talk_get_start (talk))
    : g_date_time_to_timezone (hallway_talk_get_start (talk),
                               hallway_conference_get_time_zone (conference));
  g_autoptr (GDateTime) end = g_date_time_add (start, hallway_talk_get_duration (talk));
  /* Translators: strftime format of a talk's start in the desktop's search results:
   * "Sat 31 Jan, 10:30" */
  g_autofree char *start_text = g_date_time_format (start, _("%a %-d %b, %H:%M"));
  g_autofree char *end_text = g_date_time_format (end, "%H:%M");
  const char *room = hallway_talk_get_room_name (talk);

  if (room == NULL || *room == '\0')
    return g_strdup_printf ("%s–%s", start_text, end_text);
  /* Translators: a talk in the desktop's search results: its start–end, then its room:
   * "Sat 31 Jan, 10:30–10:55 · Janson" */
  return g_strdup_printf (_("%s–%s · %s"), start_text, end_text, room);
}
