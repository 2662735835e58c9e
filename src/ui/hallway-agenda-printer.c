/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-agenda-printer"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "hallway-agenda-item.h"
#include "hallway-conference.h"
#include "hallway-agenda-printer.h"
#include "hallway-agenda-text.h"
#include "hallway-talk.h"

/* One page per day: a header, then a table of picks (time, title and speakers, room) with
 * free time as dashed rows. Everything must read in black and white: overlaps get a label
 * and a thick bar, cancelled talks a strike-through, never a colour alone. A day too long
 * for its page is drawn smaller, down to MIN_SCALE, then cut with "… N more". */

#define FONT_FAMILY "Sans"

/* All sizes in points. The printer's margins come on top of MARGIN; a PDF gets PDF_MARGIN. */
#define A4_WIDTH    595.0
#define A4_HEIGHT   842.0
#define PDF_MARGIN   18.0
#define MARGIN       18.0
#define BAR_WIDTH     4.0
#define BAR_GAP       7.0
#define TIME_WIDTH   78.0
#define ROOM_WIDTH   96.0
#define COLUMN_GAP   12.0
#define ROW_PADDING   6.0

#define MIN_SCALE     0.7

#define INK       0.0
#define SECONDARY 0.3
#define RULE      0.7

typedef enum
{
  STYLE_REGULAR,
  STYLE_BOLD,
  STYLE_ITALIC,
} TextStyle;

typedef struct
{
  HallwayPlan *plan;
  cairo_t *cr;
  PangoContext *pango;
  double left, top, width, height;  /* the box inside the margins */
  double scale;                     /* of the rows, shrunk until the day fits */
} Page;

typedef struct
{
  HallwayAgendaItem *item;  /* owned by the day's model */
  PangoLayout *time;
  PangoLayout *marker;      /* "⚠ overlaps", "backup pick", "cancelled"; NULL otherwise */
  PangoLayout *title;       /* a talk's title, or a gap's "free 1 h 30 min" */
  PangoLayout *speakers;
  PangoLayout *room;
  double text_shift;        /* moves time and room onto the baseline of the title */
  double height;
} Row;

static void
row_clear (gpointer data)
{
  Row *row = data;

  g_clear_object (&row->time);
  g_clear_object (&row->marker);
  g_clear_object (&row->title);
  g_clear_object (&row->speakers);
  g_clear_object (&row->room);
}

/* ---- text ---------------------------------------------------------------------------- */

/* Absolute sizes are in user units, which are points here, whatever the context's dpi. */
static PangoLayout *
new_layout (Page *page, const char *text, double size, TextStyle style, double width, int max_lines)
{
  PangoLayout *layout = pango_layout_new (page->pango);
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (style == STYLE_BOLD)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  else if (style == STYLE_ITALIC)
    pango_font_description_set_style (font, PANGO_STYLE_ITALIC);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, pango_units_from_double (width));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (layout, -max_lines);
    }
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height = 0;

  if (layout == NULL)
    return 0;
  pango_layout_get_size (layout, NULL, &height);
  return pango_units_to_double (height);
}

static double
layout_width (PangoLayout *layout)
{
  int width = 0;

  pango_layout_get_size (layout, &width, NULL);
  return pango_units_to_double (width);
}

static double
layout_baseline (PangoLayout *layout)
{
  return pango_units_to_double (pango_layout_get_baseline (layout));
}

static void
show_layout (Page *page, PangoLayout *layout, double x, double y, double grey)
{
  if (layout == NULL)
    return;
  cairo_set_source_rgb (page->cr, grey, grey, grey);
  cairo_move_to (page->cr, x, y);
  pango_cairo_show_layout (page->cr, layout);
}

static void
strike_through (PangoLayout *layout)
{
  PangoAttrList *attributes = pango_attr_list_new ();

  pango_attr_list_insert (attributes, pango_attr_strikethrough_new (TRUE));
  pango_layout_set_attributes (layout, attributes);
  pango_attr_list_unref (attributes);
}

/* ---- columns --------------------------------------------------------------------------- */

static double
time_x (Page *page)
{
  return page->left + BAR_WIDTH + BAR_GAP;
}

static double
title_x (Page *page)
{
  return time_x (page) + TIME_WIDTH;
}

static double
room_x (Page *page)
{
  return page->left + page->width - ROOM_WIDTH;
}

static double
title_width (Page *page)
{
  return room_x (page) - COLUMN_GAP - title_x (page);
}

/* ---- rows ------------------------------------------------------------------------------ */

/* Schedules put line breaks in titles; on paper the title wraps as one paragraph. */
static char *
dup_title (HallwayAgendaItem *item)
{
  const char *title = hallway_agenda_item_get_title (item);

  if (title == NULL || title[0] == '\0')
    return g_strdup (_("Untitled talk"));
  return g_strstrip (g_strdelimit (g_strdup (title), "\r\n\t", ' '));
}

static const char *
marker_text (HallwayAgendaItem *item)
{
  if (hallway_agenda_item_get_kind (item) == HALLWAY_AGENDA_CANCELLED)
    /* Translators: under a talk's time on a printed agenda */
    return _("cancelled");
  if (hallway_agenda_item_get_backup (item))
    /* Translators: under a talk's time on a printed agenda */
    return _("backup pick");
  if (hallway_agenda_item_get_conflicting (item))
    /* Translators: under a talk's time on a printed agenda, when it overlaps another pick */
    return _("⚠ overlaps");
  return NULL;
}

static char *
format_item_range (Page *page, HallwayAgendaItem *item)
{
  return hallway_agenda_format_range (page->plan, hallway_agenda_item_get_start (item),
                                      hallway_agenda_item_get_end (item));
}

static GDateTime *
item_start (HallwayAgendaItem *item)
{
  return hallway_agenda_item_get_start (item);
}

static void
layout_gap_row (Page *page, Row *row)
{
  HallwayAgendaItem *item = row->item;
  g_autofree char *range = format_item_range (page, item);
  g_autofree char *duration = hallway_agenda_format_duration (
    g_date_time_difference (hallway_agenda_item_get_end (item), item_start (item)));
  /* Translators: free time between two talks on a printed agenda: "free 1 h 30 min" */
  g_autofree char *free_time = g_strdup_printf (_("free %s"), duration);

  row->time = new_layout (page, range, 9 * page->scale, STYLE_REGULAR, TIME_WIDTH - 4, 1);
  row->title = new_layout (page, free_time, 9 * page->scale, STYLE_ITALIC, -1, 1);
  row->height = MAX (layout_height (row->time), layout_height (row->title)) +
                ROW_PADDING * page->scale;
}

static void
layout_pick_row (Page *page, Row *row)
{
  HallwayAgendaItem *item = row->item;
  HallwayTalk *talk = hallway_agenda_item_get_talk (item);
  g_autofree char *range = format_item_range (page, item);
  g_autofree char *speakers = talk != NULL ? hallway_talk_dup_speakers (talk) : NULL;
  g_autofree char *title = dup_title (item);
  const char *marker = marker_text (item);
  double s = page->scale;
  double left_height, middle_height;

  row->time = new_layout (page, range, 10 * s, STYLE_REGULAR, TIME_WIDTH - 4, 1);
  if (marker != NULL)
    row->marker = new_layout (page, marker, 8.5 * s, STYLE_BOLD, TIME_WIDTH - 4, 2);
  row->title = new_layout (page, title, 11 * s, STYLE_BOLD, title_width (page), 3);
  if (hallway_agenda_item_get_kind (item) == HALLWAY_AGENDA_CANCELLED)
    strike_through (row->title);
  if (speakers != NULL && speakers[0] != '\0')
    row->speakers = new_layout (page, speakers, 9 * s, STYLE_REGULAR, title_width (page), 2);
  row->room = new_layout (page, hallway_agenda_item_get_room (item), 10 * s, STYLE_REGULAR,
                          ROOM_WIDTH, 2);

  row->text_shift = layout_baseline (row->title) - layout_baseline (row->time);
  left_height = row->text_shift + layout_height (row->time) +
                (row->marker != NULL ? 2 * s + layout_height (row->marker) : 0);
  middle_height = layout_height (row->title) +
                  (row->speakers != NULL ? 1 * s + layout_height (row->speakers) : 0);
  row->height = MAX (MAX (left_height, middle_height), row->text_shift + layout_height (row->room));
  row->height += 2 * ROW_PADDING * s;
}

static GArray *
layout_rows (Page *page, GListModel *day)
{
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (Row));

  g_array_set_clear_func (rows, row_clear);
  for (guint i = 0; i < g_list_model_get_n_items (day); i++)
    {
      g_autoptr (HallwayAgendaItem) item = g_list_model_get_item (day, i);
      Row row = { .item = item };

      if (hallway_agenda_item_get_kind (item) == HALLWAY_AGENDA_GAP)
        layout_gap_row (page, &row);
      else
        layout_pick_row (page, &row);
      g_array_append_val (rows, row);
    }
  return rows;
}

static double
rows_height (GArray *rows)
{
  double height = 0;

  for (guint i = 0; i < rows->len; i++)
    height += g_array_index (rows, Row, i).height;
  return height;
}

/* The rows at the largest scale that fits in available, or at MIN_SCALE when none does. */
static GArray *
layout_rows_to_fit (Page *page, GListModel *day, double available)
{
  for (page->scale = 1.0; ; page->scale -= 0.1)
    {
      GArray *rows = layout_rows (page, day);

      if (rows_height (rows) <= available || page->scale - 0.1 < MIN_SCALE - 0.01)
        return rows;
      g_array_unref (rows);
    }
}

static void
draw_hairline (Page *page, double y, double grey)
{
  cairo_set_source_rgb (page->cr, grey, grey, grey);
  cairo_set_line_width (page->cr, 0.5);
  cairo_move_to (page->cr, page->left, y);
  cairo_line_to (page->cr, page->left + page->width, y);
  cairo_stroke (page->cr);
}

/* A solid bar for an overlap, a dotted one for a backup pick: shapes, not colours. */
static void
draw_bar (Page *page, HallwayAgendaItem *item, double y, double height)
{
  cairo_t *cr = page->cr;
  double dots[] = { 1.5, 2.0 };

  cairo_set_source_rgb (cr, INK, INK, INK);
  if (hallway_agenda_item_get_conflicting (item))
    {
      cairo_rectangle (cr, page->left, y + 2, BAR_WIDTH, height - 4);
      cairo_fill (cr);
    }
  else if (hallway_agenda_item_get_backup (item))
    {
      cairo_save (cr);
      cairo_set_dash (cr, dots, G_N_ELEMENTS (dots), 0);
      cairo_set_line_width (cr, 1.5);
      cairo_move_to (cr, page->left + BAR_WIDTH / 2, y + 2);
      cairo_line_to (cr, page->left + BAR_WIDTH / 2, y + height - 2);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
}

static void
draw_pick_row (Page *page, Row *row, double y)
{
  double s = page->scale;
  double top = y + ROW_PADDING * s;
  gboolean cancelled = hallway_agenda_item_get_kind (row->item) == HALLWAY_AGENDA_CANCELLED;
  double title_grey = cancelled ? SECONDARY : INK;

  draw_bar (page, row->item, y, row->height);
  show_layout (page, row->time, time_x (page), top + row->text_shift, INK);
  show_layout (page, row->marker, time_x (page),
               top + row->text_shift + layout_height (row->time) + 2 * s, INK);
  show_layout (page, row->title, title_x (page), top, title_grey);
  show_layout (page, row->speakers, title_x (page), top + layout_height (row->title) + 1 * s,
               SECONDARY);
  show_layout (page, row->room, room_x (page), top + row->text_shift, title_grey);
  draw_hairline (page, y + row->height, RULE);
}

/* "free 1 h 30 min" followed by a light dashed line to the right edge. */
static void
draw_gap_row (Page *page, Row *row, double y)
{
  cairo_t *cr = page->cr;
  double top = y + ROW_PADDING * page->scale / 2;
  double middle = top + layout_height (row->title) / 2;
  double dashes[] = { 3.0, 3.0 };

  show_layout (page, row->time, time_x (page), top, SECONDARY);
  show_layout (page, row->title, title_x (page), top, SECONDARY);
  cairo_save (cr);
  cairo_set_source_rgb (cr, SECONDARY, SECONDARY, SECONDARY);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_set_line_width (cr, 0.75);
  cairo_move_to (cr, title_x (page) + layout_width (row->title) + 6, middle);
  cairo_line_to (cr, page->left + page->width, middle);
  cairo_stroke (cr);
  cairo_restore (cr);
  draw_hairline (page, y + row->height, RULE);
}

static guint
count_picks (GArray *rows, guint from)
{
  guint picks = 0;

  for (guint i = from; i < rows->len; i++)
    picks += hallway_agenda_item_get_kind (g_array_index (rows, Row, i).item) != HALLWAY_AGENDA_GAP;
  return picks;
}

static void
draw_more (Page *page, guint more, double y)
{
  g_autofree char *text = g_strdup_printf (ngettext ("… %u more talk, not shown",
                                                     "… %u more talks, not shown", more), more);
  g_autoptr (PangoLayout) layout = new_layout (page, text, 9, STYLE_ITALIC, -1, 1);

  show_layout (page, layout, title_x (page), y + 4, INK);
}

/* Rows top-down from y; the ones that do not fit before bottom are counted, not drawn. */
static void
draw_rows (Page *page, GArray *rows, double y, double bottom)
{
  const double more_height = 18;

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      gboolean last = i + 1 == rows->len;

      if (y + row->height > bottom - (last ? 0 : more_height))
        {
          draw_more (page, count_picks (rows, i), y);
          return;
        }
      if (hallway_agenda_item_get_kind (row->item) == HALLWAY_AGENDA_GAP)
        draw_gap_row (page, row, y);
      else
        draw_pick_row (page, row, y);
      y += row->height;
    }
}

/* ---- header ---------------------------------------------------------------------------- */

/* "Time  Talk  Room" over the columns; returns the y below it. */
static double
draw_column_titles (Page *page, double y)
{
  /* Translators: column titles of a printed agenda */
  g_autoptr (PangoLayout) time = new_layout (page, _("Time"), 8, STYLE_BOLD, -1, 1);
  g_autoptr (PangoLayout) talk = new_layout (page, _("Talk"), 8, STYLE_BOLD, -1, 1);
  g_autoptr (PangoLayout) room = new_layout (page, _("Room"), 8, STYLE_BOLD, -1, 1);

  show_layout (page, time, time_x (page), y, SECONDARY);
  show_layout (page, talk, title_x (page), y, SECONDARY);
  show_layout (page, room, room_x (page), y, SECONDARY);
  y += layout_height (time) + 3;
  draw_hairline (page, y, INK);
  return y;
}

static char *
format_subtitle (Page *page, GListModel *day, guint day_index, guint n_days)
{
  g_autoptr (HallwayAgendaItem) first = g_list_model_get_item (day, 0);
  g_autofree char *zone = hallway_agenda_format_time_zone (page->plan, item_start (first));

  /* Translators: under the day on a printed agenda:
   * "Times in CET (Europe/Brussels) · Day 1 of 2" */
  return g_strdup_printf (_("Times in %s · Day %u of %u"), zone, day_index + 1, n_days);
}

/* Conference and "Printed from Hallway" on one line, the day large below, then the zone;
 * returns the y below the header's rule. */
static double
draw_header (Page *page, const char *day_title, const char *subtitle)
{
  g_autofree char *heading = hallway_agenda_format_heading (page->plan);
  g_autoptr (PangoLayout) printed_from = new_layout (page, _("Printed from Hallway"), 8,
                                                     STYLE_REGULAR, -1, 1);
  double printed_width = layout_width (printed_from);
  g_autoptr (PangoLayout) conference = new_layout (page, heading, 11, STYLE_REGULAR,
                                                   page->width - printed_width - COLUMN_GAP, 1);
  g_autoptr (PangoLayout) day = new_layout (page, day_title, 22, STYLE_BOLD, page->width, 1);
  g_autoptr (PangoLayout) zone = new_layout (page, subtitle, 9, STYLE_REGULAR, page->width, 2);
  double y = page->top;

  show_layout (page, conference, page->left, y, INK);
  show_layout (page, printed_from, page->left + page->width - printed_width,
               y + layout_height (conference) - layout_height (printed_from), SECONDARY);
  y += layout_height (conference) + 4;
  show_layout (page, day, page->left, y, INK);
  y += layout_height (day) + 2;
  show_layout (page, zone, page->left, y, SECONDARY);
  y += layout_height (zone) + 6;
  cairo_set_source_rgb (page->cr, INK, INK, INK);
  cairo_set_line_width (page->cr, 1.5);
  cairo_move_to (page->cr, page->left, y);
  cairo_line_to (page->cr, page->left + page->width, y);
  cairo_stroke (page->cr);
  return y + 10;
}

/* ---- pages ----------------------------------------------------------------------------- */

static void
page_init (Page *page, HallwayPlan *plan, cairo_t *cr, double width, double height)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  page->plan = plan;
  page->cr = cr;
  page->pango = pango_cairo_create_context (cr);
  /* Metrics that do not depend on the device, so a PDF and a print break lines alike. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (page->pango, options);
  cairo_font_options_destroy (options);
  page->left = MARGIN;
  page->top = MARGIN;
  page->width = MAX (width - 2 * MARGIN, ROOM_WIDTH + TIME_WIDTH + 4 * COLUMN_GAP);
  page->height = MAX (height - 2 * MARGIN, 0);
  page->scale = 1.0;
}

static void
draw_empty_page (Page *page)
{
  draw_header (page, _("My Agenda"), _("No talks bookmarked yet."));
}

static void
draw_day (Page *page, GListModel *day, guint day_index, guint n_days)
{
  g_autoptr (HallwayAgendaItem) first = g_list_model_get_item (day, 0);
  g_autofree char *day_title = hallway_agenda_format_day (page->plan, item_start (first));
  g_autofree char *subtitle = format_subtitle (page, day, day_index, n_days);
  double bottom = page->top + page->height;
  double y = draw_column_titles (page, draw_header (page, day_title, subtitle));
  g_autoptr (GArray) rows = layout_rows_to_fit (page, day, bottom - y);

  draw_rows (page, rows, y, bottom);
}

guint
hallway_agenda_printer_get_n_pages (HallwayPlan *plan, GListModel *agenda)
{
  g_autoptr (GPtrArray) days = NULL;

  g_return_val_if_fail (HALLWAY_IS_PLAN (plan), 1);
  g_return_val_if_fail (G_IS_LIST_MODEL (agenda), 1);

  days = hallway_agenda_split_days (plan, agenda);
  return MAX (days->len, 1);
}

void
hallway_agenda_printer_draw_page (HallwayPlan *plan, GListModel *agenda, guint day_index,
                                  cairo_t *cr, double width, double height)
{
  g_autoptr (GPtrArray) days = NULL;
  Page page = { 0 };

  g_return_if_fail (HALLWAY_IS_PLAN (plan));
  g_return_if_fail (G_IS_LIST_MODEL (agenda));
  g_return_if_fail (cr != NULL);

  days = hallway_agenda_split_days (plan, agenda);
  cairo_save (cr);
  page_init (&page, plan, cr, width, height);
  /* Never draw beyond the page, whatever a long text does. */
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  if (day_index < days->len)
    draw_day (&page, g_ptr_array_index (days, day_index), day_index, days->len);
  else
    draw_empty_page (&page);
  g_object_unref (page.pango);
  cairo_restore (cr);
}

/* ---- print operation ------------------------------------------------------------------- */

typedef struct
{
  HallwayPlan *plan;
  GListModel *agenda;
} PrintJob;

static void
print_job_free (gpointer data, GClosure *closure)
{
  PrintJob *job = data;

  g_clear_object (&job->plan);
  g_clear_object (&job->agenda);
  g_free (job);
}

static void
draw_page_cb (GtkPrintOperation *operation, GtkPrintContext *context, int page_nr, PrintJob *job)
{
  hallway_agenda_printer_draw_page (job->plan, job->agenda, (guint) page_nr,
                                    gtk_print_context_get_cairo_context (context),
                                    gtk_print_context_get_width (context),
                                    gtk_print_context_get_height (context));
}

/* "Print to File" suggests "FOSDEM 2026 agenda.pdf" rather than GTK's "output.pdf". */
static void
suggest_file_name (GtkPrintOperation *operation, HallwayConference *conference)
{
  g_autoptr (GtkPrintSettings) settings = gtk_print_settings_new ();
  const char *title = hallway_conference_get_title (conference);
  g_autofree char *name = NULL;

  if (title == NULL || title[0] == '\0')
    title = hallway_conference_get_acronym (conference);
  if (title == NULL || title[0] == '\0')
    return;
  /* Translators: the suggested name of a printed agenda's PDF file, without its
   * extension: "FOSDEM 2026 agenda" */
  name = g_strdup_printf (_("%s agenda"), title);
  g_strdelimit (name, "/", '-');
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, name);
  gtk_print_operation_set_print_settings (operation, settings);
}

GtkPrintOperation *
hallway_agenda_printer_new_operation (HallwayPlan *plan)
{
  GtkPrintOperation *operation;
  PrintJob *job;
  g_autofree char *heading = NULL;

  g_return_val_if_fail (HALLWAY_IS_PLAN (plan), NULL);

  job = g_new0 (PrintJob, 1);
  job->plan = g_object_ref (plan);
  job->agenda = hallway_agenda_build (plan, HALLWAY_AGENDA_MIN_GAP);
  heading = hallway_agenda_format_heading (plan);
  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, heading);
  /* draw_page measures in points. */
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_n_pages (operation,
                                   (int) hallway_agenda_printer_get_n_pages (plan, job->agenda));
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (draw_page_cb), job, print_job_free, 0);
  suggest_file_name (operation, hallway_plan_get_conference (plan));
  return operation;
}

/* ---- PDF without a display ------------------------------------------------------------- */

static gboolean
check_surface (cairo_surface_t *surface, const char *path, GError **error)
{
  cairo_status_t status = cairo_surface_status (surface);

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               /* Translators: the first %s is a file, the second the reason */
               _("Could not save the agenda as “%s”: %s"), path, cairo_status_to_string (status));
  return FALSE;
}

static void
draw_pdf_pages (HallwayPlan *plan, cairo_surface_t *surface)
{
  g_autoptr (GListModel) agenda = hallway_agenda_build (plan, HALLWAY_AGENDA_MIN_GAP);
  g_autofree char *heading = hallway_agenda_format_heading (plan);
  guint n_pages = hallway_agenda_printer_get_n_pages (plan, agenda);
  cairo_t *cr = cairo_create (surface);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, heading);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR,
                                  PACKAGE_NAME " " PACKAGE_VERSION);
  /* The printer's own margin, which a PDF has not. */
  cairo_translate (cr, PDF_MARGIN, PDF_MARGIN);
  for (guint i = 0; i < n_pages; i++)
    {
      hallway_agenda_printer_draw_page (plan, agenda, i, cr, A4_WIDTH - 2 * PDF_MARGIN,
                                        A4_HEIGHT - 2 * PDF_MARGIN);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
}

gboolean
hallway_agenda_printer_export_pdf (HallwayPlan *plan, const char *path, GError **error)
{
  cairo_surface_t *surface;
  gboolean ok;

  g_return_val_if_fail (HALLWAY_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  surface = cairo_pdf_surface_create (path, A4_WIDTH, A4_HEIGHT);
  ok = check_surface (surface, path, error);
  if (ok)
    {
      draw_pdf_pages (plan, surface);
      cairo_surface_finish (surface);
      ok = check_surface (surface, path, error);
    }
  cairo_surface_destroy (surface);
  return ok;
}
