/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-choice-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hallway-choice-dialog.h"
#include "hallway-search.h"

struct _HallwayChoiceDialog
{
  AdwDialog parent_instance;

  GtkSearchEntry *search_entry;
  GtkScrolledWindow *scrolled;
  GtkListBox *list_box;
  GtkListBoxRow *all_row; /* "All …", first */
  char *search_key;       /* what is typed, folded; NULL when nothing is */
};

G_DEFINE_FINAL_TYPE (HallwayChoiceDialog, hallway_choice_dialog, ADW_TYPE_DIALOG)

enum { CHOSEN, N_SIGNALS };
static guint signals[N_SIGNALS];

/* A row's value ("" for "All …") and its folded form are its data. */
static const char *
row_value (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), "value");
}

/* "All …" only while nothing is typed: Enter after typing chooses the first match. */
static gboolean
row_matches (GtkListBoxRow *row, gpointer user_data)
{
  HallwayChoiceDialog *self = user_data;
  const char *key = g_object_get_data (G_OBJECT (row), "key");

  if (self->search_key == NULL)
    return TRUE;
  return *row_value (row) != '\0' && strstr (key, self->search_key) != NULL;
}

static GtkListBoxRow *
nth_shown_row (HallwayChoiceDialog *self, int n)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list_box, i)) != NULL; i++)
    if (row_matches (row, self) && n-- == 0)
      return row;
  return NULL;
}

static void
select_row (HallwayChoiceDialog *self, GtkListBoxRow *row)
{
  GtkWidget *viewport = gtk_scrolled_window_get_child (self->scrolled);

  gtk_list_box_select_row (self->list_box, row);
  if (row != NULL && GTK_IS_VIEWPORT (viewport))
    gtk_viewport_scroll_to (GTK_VIEWPORT (viewport), GTK_WIDGET (row), NULL);
}

/* What is typed, folded; NULL when nothing is. */
static char *
dup_search_key (HallwayChoiceDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  return *stripped != '\0' ? hallway_search_fold (stripped) : NULL;
}

/* The matches of what is typed, the first highlighted. */
static void
apply_search (HallwayChoiceDialog *self, char *key)
{
  g_free (self->search_key);
  self->search_key = key;
  gtk_list_box_invalidate_filter (self->list_box);
  select_row (self, nth_shown_row (self, 0));
}

static void
search_changed_cb (HallwayChoiceDialog *self)
{
  apply_search (self, dup_search_key (self));
}

static void
choose (HallwayChoiceDialog *self, GtkListBoxRow *row)
{
  g_autofree char *value = g_strdup (row_value (row));

  adw_dialog_close (ADW_DIALOG (self));
  g_signal_emit (self, signals[CHOSEN], 0, value);
}

static void
row_activated_cb (HallwayChoiceDialog *self, GtkListBoxRow *row)
{
  choose (self, row);
}

/* Enter in the entry chooses the highlighted row; text the filter has not seen yet is
 * applied first, or Enter would choose from the matches of the previous text. */
static void
search_activate_cb (HallwayChoiceDialog *self)
{
  g_autofree char *key = dup_search_key (self);
  GtkListBoxRow *row;

  if (g_strcmp0 (key, self->search_key) != 0)
    apply_search (self, g_steal_pointer (&key));
  row = gtk_list_box_get_selected_row (self->list_box);
  if (row != NULL)
    choose (self, row);
}

/* Up and Down move the highlight while the focus stays where the person types. */
static gboolean
entry_key_pressed_cb (HallwayChoiceDialog *self, guint keyval, guint keycode,
                      GdkModifierType state)
{
  GtkListBoxRow *selected = gtk_list_box_get_selected_row (self->list_box);
  GtkListBoxRow *row = NULL;
  int shown = 0;
  int index = -1;

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_Up && keyval != GDK_KEY_KP_Down &&
      keyval != GDK_KEY_KP_Up)
    return GDK_EVENT_PROPAGATE;
  for (GtkListBoxRow *r; (r = nth_shown_row (self, shown)) != NULL; shown++)
    if (r == selected)
      index = shown;
  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    row = nth_shown_row (self, MIN (index + 1, shown - 1));
  else
    row = nth_shown_row (self, MAX (index - 1, 0));
  if (row != NULL)
    select_row (self, row);
  return GDK_EVENT_STOP;
}

static void
hallway_choice_dialog_finalize (GObject *object)
{
  HallwayChoiceDialog *self = HALLWAY_CHOICE_DIALOG (object);

  g_free (self->search_key);
  G_OBJECT_CLASS (hallway_choice_dialog_parent_class)->finalize (object);
}

static void
hallway_choice_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), HALLWAY_TYPE_CHOICE_DIALOG);
  G_OBJECT_CLASS (hallway_choice_dialog_parent_class)->dispose (object);
}

static void
hallway_choice_dialog_class_init (HallwayChoiceDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hallway_choice_dialog_dispose;
  object_class->finalize = hallway_choice_dialog_finalize;
  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/hallway-choice-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HallwayChoiceDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HallwayChoiceDialog, scrolled);
  gtk_widget_class_bind_template_child (widget_class, HallwayChoiceDialog, list_box);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, adw_dialog_close);
}

static void
hallway_choice_dialog_init (HallwayChoiceDialog *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_filter_func (self->list_box, row_matches, self, NULL);
  gtk_list_box_set_placeholder (self->list_box, gtk_label_new (_("No Matches")));
  /* Typing while the list has the focus goes on in the entry. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (entry_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
}

/* A row: the value, its talk count, a check mark on the current choice. Its data: "value"
 * ("" for "All …"), "key" (folded, for the search) and "check". */
static GtkListBoxRow *
new_row (const char *value, const char *label, guint n_talks)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (label);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_box_append (GTK_BOX (box), name);
  if (n_talks > 0)
    {
      g_autofree char *count = g_strdup_printf ("%u", n_talks);
      GtkWidget *count_label = gtk_label_new (count);

      gtk_widget_add_css_class (count_label, "dim-label");
      gtk_widget_add_css_class (count_label, "numeric");
      gtk_box_append (GTK_BOX (box), count_label);
    }
  gtk_widget_set_opacity (check, 0);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "value", g_strdup (value), g_free);
  g_object_set_data_full (G_OBJECT (row), "key", hallway_search_fold (value), g_free);
  g_object_set_data (G_OBJECT (row), "check", check);
  return GTK_LIST_BOX_ROW (row);
}

/* The check mark, and for a screen reader the row's description. */
static void
mark_row (GtkListBoxRow *row, gboolean current)
{
  gtk_widget_set_opacity (g_object_get_data (G_OBJECT (row), "check"), current ? 1 : 0);
  if (current)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    _("Current choice"), -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

HallwayChoiceDialog *
hallway_choice_dialog_new (const char *title, const char *search_label, const char *all_label)
{
  HallwayChoiceDialog *self;

  g_return_val_if_fail (title != NULL && search_label != NULL && all_label != NULL, NULL);

  self = g_object_new (HALLWAY_TYPE_CHOICE_DIALOG, "title", title, NULL);
  gtk_search_entry_set_placeholder_text (self->search_entry, search_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, search_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title, -1);
  self->all_row = new_row ("", all_label, 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->all_row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  all_label, -1);
  gtk_list_box_append (self->list_box, GTK_WIDGET (self->all_row));
  mark_row (self->all_row, TRUE);
  select_row (self, self->all_row);
  return self;
}

/* A value's row, after those added before; the current one is marked and highlighted, and
 * "All …" no longer is. */
void
hallway_choice_dialog_add (HallwayChoiceDialog *self, const char *value, guint n_talks,
                           gboolean current)
{
  GtkListBoxRow *row;
  /* Translators: a row of the track chooser, for a screen reader: "Desktop, 12 talks" */
  g_autofree char *name =
    g_strdup_printf (ngettext ("%s, %u talk", "%s, %u talks", n_talks), value, n_talks);

  g_return_if_fail (HALLWAY_IS_CHOICE_DIALOG (self));
  g_return_if_fail (value != NULL && *value != '\0');

  row = new_row (value, value, n_talks);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_list_box_append (self->list_box, GTK_WIDGET (row));
  if (current)
    {
      mark_row (self->all_row, FALSE);
      mark_row (row, TRUE);
      select_row (self, row);
    }
}
