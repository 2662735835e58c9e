/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-search"

#include <string.h>

#include "hallway-talk-private.h"
#include "hallway-html-sanitizer.h"
#include "hallway-search.h"

/* Search is accent- and case-insensitive: "timothee" finds "Timothée", "STRASSE" finds
 * "Straße". Text is decomposed (NFKD), combining marks dropped, then case-folded. */
char *
hallway_search_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  GString *stripped;

  if (text == NULL)
    return g_strdup ("");

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return g_strdup ("");
  stripped = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      g_string_append_unichar (stripped, g_unichar_isspace (c) ? ' ' : c);
    }
  folded = g_utf8_casefold (stripped->str, stripped->len);
  g_string_free (stripped, TRUE);
  return g_steal_pointer (&folded);
}

/* Everything a person may remember of a talk, folded once and kept on the talk. */
static const char *
ensure_search_text (HallwayTalk *talk)
{
  if (talk->search_text == NULL)
    {
      g_autofree char *speakers = hallway_talk_dup_speakers (talk);
      g_autofree char *abstract = hallway_html_to_plain_text (hallway_talk_get_abstract (talk));
      g_autofree char *joined = g_strjoin ("\n",
                                           talk->title ? talk->title : "",
                                           talk->subtitle ? talk->subtitle : "",
                                           speakers,
                                           hallway_talk_get_track_name (talk) ?: "",
                                           hallway_talk_get_room_name (talk) ?: "",
                                           abstract ? abstract : "",
                                           NULL);

      talk->search_text = hallway_search_fold (joined);
    }
  return talk->search_text;
}

/* The words of what the person typed, folded; empty words dropped. */
GStrv
hallway_search_parse_query (const char *query)
{
  g_autofree char *folded = hallway_search_fold (query);
  g_auto (GStrv) words = g_strsplit (folded, " ", -1);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_strv_builder_add (builder, words[i]);
  return g_strv_builder_end (builder);
}

/* Every word of the query must occur somewhere in the talk. */
gboolean
hallway_search_talk_matches (HallwayTalk *talk, const char * const *query_words)
{
  const char *haystack;

  g_return_val_if_fail (HALLWAY_IS_TALK (talk), FALSE);

  if (query_words == NULL || query_words[0] == NULL)
    return TRUE;
  haystack = ensure_search_text (talk);
  for (guint i = 0; query_words[i] != NULL; i++)
    if (strstr (haystack, query_words[i]) == NULL)
      return FALSE;
  return TRUE;
}
