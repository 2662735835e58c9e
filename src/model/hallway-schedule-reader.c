/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-schedule-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hallway-json.h"
#include "hallway-conference.h"
#include "hallway-schedule-reader-private.h"

G_DEFINE_QUARK (hallway-schedule-error-quark, hallway_schedule_error)

typedef enum
{
  SNIFFED_UNKNOWN,
  SNIFFED_XML,
  SNIFFED_HTML,
  SNIFFED_JSON,
  SNIFFED_ICALENDAR,
} SniffedFormat;

static const char *
skip_bom_and_space (const char *data, gsize length, gsize *skipped)
{
  gsize i = 0;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (data[i]))
    i++;
  *skipped = i;
  return data + i;
}

static gboolean
starts_with_nocase (const char *text, gsize length, const char *prefix)
{
  gsize prefix_length = strlen (prefix);

  return length >= prefix_length && g_ascii_strncasecmp (text, prefix, prefix_length) == 0;
}

/* The format comes from the content: servers send schedules as text/html or
 * application/octet-stream, and users save them under any name. */
static SniffedFormat
sniff (const char *data, gsize length)
{
  gsize skipped;
  const char *start = skip_bom_and_space (data, length, &skipped);
  gsize rest = length - skipped;
  gsize head = MIN (rest, 1024);

  if (memchr (data, '\0', MIN (length, 4096)) != NULL)
    return SNIFFED_UNKNOWN;
  if (starts_with_nocase (start, rest, "BEGIN:VCALENDAR"))
    return SNIFFED_ICALENDAR;
  if (rest > 0 && (start[0] == '{' || start[0] == '['))
    return SNIFFED_JSON;
  if (starts_with_nocase (start, rest, "<!doctype html") ||
      starts_with_nocase (start, rest, "<html"))
    return SNIFFED_HTML;
  if (rest > 0 && start[0] == '<')
    {
      /* An XHTML page starts like XML; look for its root element. */
      g_autofree char *lower = g_ascii_strdown (start, head);

      if (strstr (lower, "<html") != NULL && strstr (lower, "<schedule") == NULL)
        return SNIFFED_HTML;
      return SNIFFED_XML;
    }
  return SNIFFED_UNKNOWN;
}

static HallwayConference *
read_json (const char *data, gsize length, GError **error)
{
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GError) parse_error = NULL;

  root = hallway_json_parse (data, length, &parse_error);
  if (root == NULL)
    {
      g_set_error_literal (error, HALLWAY_SCHEDULE_ERROR, HALLWAY_SCHEDULE_ERROR_MALFORMED,
                           parse_error->message);
      return NULL;
    }
  return hallway_read_schedule_json (root, error);
}

#define MIB (1024 * 1024)

char *
hallway_schedule_describe_too_large (guint64 size, guint64 max_size)
{
  /* Rounded up: a file a little above the cap must not read as the size of the cap. */
  guint64 size_mib = MIN ((size + MIB - 1) / MIB, (guint64) G_MAXINT);

  return g_strdup_printf (_("The file is too large for a schedule (%d MiB, at most %d MiB)"),
                          (int) size_mib, (int) (max_size / MIB));
}

static void
set_too_large_error (GError **error, guint64 size)
{
  g_autofree char *message = hallway_schedule_describe_too_large (size,
                                                                  HALLWAY_SCHEDULE_MAX_SIZE);

  g_set_error_literal (error, HALLWAY_SCHEDULE_ERROR, HALLWAY_SCHEDULE_ERROR_TOO_LARGE, message);
}

HallwayConference *
hallway_schedule_read_bytes (GBytes *bytes, GError **error)
{
  gsize length = 0;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  /* An empty GBytes may hold NULL, which no offset may be added to nor memchr be given. */
  if (data == NULL)
    data = "";
  if (length > HALLWAY_SCHEDULE_MAX_SIZE)
    {
      set_too_large_error (error, length);
      return NULL;
    }

  switch (sniff (data, length))
    {
    case SNIFFED_XML:
      return hallway_read_pentabarf_xml (data, length, error);
    case SNIFFED_JSON:
      return read_json (data, length, error);
    case SNIFFED_ICALENDAR:
      return hallway_read_icalendar (data, length, error);
    case SNIFFED_HTML:
      g_set_error_literal (error, HALLWAY_SCHEDULE_ERROR, HALLWAY_SCHEDULE_ERROR_NOT_A_SCHEDULE,
                           _("This is a web page, not a schedule"));
      return NULL;
    case SNIFFED_UNKNOWN:
    default:
      {
        gsize skipped;

        skip_bom_and_space (data, length, &skipped);
        if (skipped == length)
          g_set_error_literal (error, HALLWAY_SCHEDULE_ERROR, HALLWAY_SCHEDULE_ERROR_EMPTY,
                               _("The file is empty"));
        else
          g_set_error_literal (error, HALLWAY_SCHEDULE_ERROR, HALLWAY_SCHEDULE_ERROR_NOT_A_SCHEDULE,
                               _("This is not a schedule (not XML, JSON or iCalendar)"));
        return NULL;
      }
    }
}

/* A file above the cap is refused by its size, before any of it is read; one that grows
 * while read (or has no size, as a pipe) by reading at most the cap plus one byte. */
static GBytes *
load_capped (GFile *file, GCancellable *cancellable, GError **error)
{
  g_autoptr (GFileInputStream) stream = g_file_read (file, cancellable, error);
  g_autoptr (GFileInfo) info = NULL;

  if (stream == NULL)
    return NULL;
  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable,
                                         NULL);
  if (info != NULL && g_file_info_get_size (info) > HALLWAY_SCHEDULE_MAX_SIZE)
    {
      set_too_large_error (error, (guint64) g_file_info_get_size (info));
      return NULL;
    }
  return g_input_stream_read_bytes (G_INPUT_STREAM (stream), HALLWAY_SCHEDULE_MAX_SIZE + 1,
                                    cancellable, error);
}

HallwayConference *
hallway_schedule_read_file (GFile *file, GCancellable *cancellable, GError **error)
{
  g_autoptr (GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  bytes = load_capped (file, cancellable, error);
  if (bytes == NULL)
    return NULL;
  return hallway_schedule_read_bytes (bytes, error);
}

static void
read_file_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  GError *error = NULL;
  HallwayConference *conference = hallway_schedule_read_file (task_data, cancellable, &error);

  if (conference == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, conference, g_object_unref);
}

void
hallway_schedule_read_file_async (GFile *file, GCancellable *cancellable,
                                  GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, hallway_schedule_read_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, read_file_thread);
}

HallwayConference *
hallway_schedule_read_file_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
