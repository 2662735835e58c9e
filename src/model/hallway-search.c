/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-search"

#include <gio/gio.h>
#include <string.h>

#include "hallway-talk-private.h"
#include "hallway-search.h"

/* Search is accent- and case-insensitive: "timothee" finds "Timothée", "STRASSE" finds
 * "Straße". Text is decomposed (NFKD), combining marks dropped, then case-folded. Each of
 * these works character by character (reordering only moves marks, which go), so a run of
 * non-ASCII text folds alone and ASCII, most of any schedule, is only lowercased. */

static void
append_folded_run (GString *out, const char *run, gsize length)
{
  g_autofree char *decomposed = g_utf8_normalize (run, length, G_NORMALIZE_NFKD);
  g_autofree char *folded = NULL;
  GString *stripped;

  if (decomposed == NULL)
    return;
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
  g_string_append (out, folded);
}

char *
hallway_search_fold (const char *text)
{
  GString *out;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0';)
    {
      const char *run = p;

      if ((guchar) *p < 0x80)
        {
          /* g_ascii_isspace () and g_unichar_isspace () agree on ASCII: \v is neither. */
          g_string_append_c (out, g_ascii_isspace (*p) ? ' ' : g_ascii_tolower (*p));
          p++;
          continue;
        }
      while ((guchar) *p >= 0x80)
        p++;
      append_folded_run (out, run, p - run);
    }
  return g_string_free (out, FALSE);
}

/* What the desktop's search matches: the names a person types into the shell's overview
 * (title, speakers, track, room), folded. No abstract: it costs an HTML parse per talk on the
 * first keystroke, and a word from an abstract would fill the shell with loose matches. */
static char *
build_names_text (HallwayTalk *talk)
{
  g_autofree char *speakers = hallway_talk_dup_speakers (talk);
  g_autofree char *joined = g_strjoin ("\n",
                                       talk->title ? talk->title : "",
                                       talk->subtitle ? talk->subtitle : "",
                                       speakers,
                                       hallway_talk_get_track_name (talk) ?: "",
                                       hallway_talk_get_room_name (talk) ?: "",
                                       NULL);

  return hallway_search_fold (joined);
}

/* Everything a person may remember of a talk, folded: its names and its abstract. The
 * abstract comes from its source in one parse, not from the talk's lazy HTML, which only
 * the main thread may fill. */
static char *
build_search_text (HallwayTalk *talk)
{
  g_autofree char *names = build_names_text (talk);
  g_autofree char *abstract = hallway_rich_text_dup_plain_text (&talk->abstract);
  g_autofree char *folded_abstract = hallway_search_fold (abstract);

  /* A space, as folding makes of the newlines between the names. */
  return g_strconcat (names, " ", folded_abstract, NULL);
}

/* Kept on the talk in *slot. A worker may be building it at the same time (see
 * hallway_search_prepare_async ()): whoever finishes first sets it, the other's copy goes. */
static const char *
ensure_text (HallwayTalk *talk, char **slot, char *(*build) (HallwayTalk *talk))
{
  char *text = g_atomic_pointer_get (slot);

  if (text != NULL)
    return text;
  text = build (talk);
  if (!g_atomic_pointer_compare_and_exchange (slot, NULL, text))
    {
      g_free (text);
      text = g_atomic_pointer_get (slot);
    }
  return text;
}

static const char *
ensure_search_text (HallwayTalk *talk)
{
  return ensure_text (talk, &talk->search_text, build_search_text);
}

/* Whether the talk's search text is built already: for tests. */
gboolean
hallway_search_talk_is_prepared (HallwayTalk *talk)
{
  g_return_val_if_fail (HALLWAY_IS_TALK (talk), FALSE);
  return g_atomic_pointer_get (&talk->search_text) != NULL;
}

static void
prepare_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  GPtrArray *talks = data;

  for (guint i = 0; i < talks->len; i++)
    {
      if (g_task_return_error_if_cancelled (task))
        return;
      ensure_search_text (g_ptr_array_index (talks, i));
    }
  g_task_return_boolean (task, TRUE);
}

/**
 * hallway_search_prepare_async:
 * @talks: a #GListModel of #HallwayTalk, such as a conference
 *
 * Builds every talk's search text in a worker thread, so the first keystroke of a search
 * finds it ready (it takes FOSDEM 2026 about 100 ms). A search meanwhile stays correct: it
 * builds what is still missing itself.
 */
void
hallway_search_prepare_async (GListModel          *talks,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  guint n_talks;
  GPtrArray *held;

  g_return_if_fail (G_IS_LIST_MODEL (talks));

  task = g_task_new (talks, cancellable, callback, user_data);
  g_task_set_source_tag (task, hallway_search_prepare_async);
  /* The talks themselves, so the worker never calls into the list model. */
  n_talks = g_list_model_get_n_items (talks);
  held = g_ptr_array_new_full (n_talks, g_object_unref);
  for (guint i = 0; i < n_talks; i++)
    g_ptr_array_add (held, g_list_model_get_item (talks, i));
  g_task_set_task_data (task, held, (GDestroyNotify) g_ptr_array_unref);
  g_task_set_priority (task, G_PRIORITY_LOW);
  g_task_run_in_thread (task, prepare_thread);
}

gboolean
hallway_search_prepare_finish (GListModel *talks, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, talks), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
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

static gboolean
contains_every_word (const char *haystack, const char * const *query_words)
{
  for (guint i = 0; query_words[i] != NULL; i++)
    if (strstr (haystack, query_words[i]) == NULL)
      return FALSE;
  return TRUE;
}

/* Every word of the query must occur somewhere in the talk, its abstract included. */
gboolean
hallway_search_talk_matches (HallwayTalk *talk, const char * const *query_words)
{
  g_return_val_if_fail (HALLWAY_IS_TALK (talk), FALSE);

  if (query_words == NULL || query_words[0] == NULL)
    return TRUE;
  return contains_every_word (ensure_search_text (talk), query_words);
}

/* Every word of the query must occur in the talk's title, subtitle, speakers, track or
 * room: the desktop's search. */
gboolean
hallway_search_talk_names_match (HallwayTalk *talk, const char * const *query_words)
{
  g_return_val_if_fail (HALLWAY_IS_TALK (talk), FALSE);

  if (query_words == NULL || query_words[0] == NULL)
    return TRUE;
  return contains_every_word (ensure_text (talk, &talk->names_text, build_names_text),
                              query_words);
}
