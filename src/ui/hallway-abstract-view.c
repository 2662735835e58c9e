/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-abstract-view"

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>
#include <webkit/webkit.h>

#include "hallway-abstract-policy.h"
#include "hallway-abstract-view-private.h"
#include "hallway-web-session.h"

/* A talk's abstract: sanitized HTML in a locked-down WebKitWebView, styled like the rest
 * of the app, as tall as its content so the talk page scrolls as one. The HTML has been
 * sanitized by the model; everything here is the second line of defence. */

#define STYLESHEET_PATH RESOURCE_PATH "/ui/hallway-abstract-view.css"
#define CONTENT_SECURITY_POLICY "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
#define MEASURE_WORLD "hallway-measure"
#define MEASURE_DELAY_MS 30
#define FALLBACK_FONT "Sans 11"
#define FALLBACK_MONOSPACE_FONT "Monospace 11"

/* The content's height and the page's width, both in CSS pixels: their ratio to the
 * widget's width turns the height into widget pixels even when WebKit zooms the page to
 * follow the text scaling setting. The body is a flow-root, so its height is that of the
 * content, not of the viewport. */
static const char measure_script[] =
  "[document.body ? document.body.getBoundingClientRect ().height : 0, window.innerWidth]";

struct _HallwayAbstractView
{
  GtkWidget parent_instance;

  WebKitWebView *web_view;   /* made when the view is first realized */
  char *body;                /* the sanitized HTML shown */
  char *document;            /* the whole document built around it */
  gboolean loading_ours;     /* a load_html of ours awaits its policy decision */
  gboolean loaded;

  int content_height;
  int measured_width;
  int applied_width;       /* the widget's and the page's width of the last height taken */
  double applied_page_width;
  guint stale_measurements;  /* in a row; a page width may also round to the same value */
  guint measure_source;
  GCancellable *measure_cancellable;
};

G_DEFINE_FINAL_TYPE (HallwayAbstractView, hallway_abstract_view, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_CONTENT_HEIGHT,
  PROP_HTML,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  ACTIVATE_LINK,
  RENDERED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- the document ----------------------------------------------------------------- */

/* A family name fit to stand in a CSS string: no quotes, backslashes or markup. */
static char *
css_safe_family (const char *family)
{
  GString *safe = g_string_new (NULL);

  for (const char *c = family; *c != '\0'; c++)
    if (g_ascii_isalnum (*c) || *c == ' ' || *c == '-' || *c == '_' || *c == '.'
        || (guchar) *c >= 0x80)
      g_string_append_c (safe, *c);
  return g_strstrip (g_string_free (safe, FALSE));
}

/* @prefix-family and @prefix-size custom properties from a Pango font name. Sizes in pt
 * as GTK means them; WebKit zooms the page itself for the text scaling factor. */
static void
append_font (GString *css, const char *prefix, const char *font_name, const char *generic)
{
  g_autoptr (PangoFontDescription) font = pango_font_description_from_string (font_name);
  const char *families = pango_font_description_get_family (font);
  g_auto (GStrv) list = g_strsplit (families != NULL ? families : "", ",", -1);
  double size = (double) pango_font_description_get_size (font) / PANGO_SCALE;
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_printf (css, "  --hallway-%s-family:", prefix);
  for (guint i = 0; list[i] != NULL; i++)
    {
      g_autofree char *family = css_safe_family (list[i]);

      if (*family != '\0')
        g_string_append_printf (css, " \"%s\",", family);
    }
  g_string_append_printf (css, " %s;\n", generic);

  if (size <= 0)
    size = 11;
  g_ascii_formatd (number, sizeof number, "%.2f", size);
  g_string_append_printf (css, "  --hallway-%s-size: %s%s;\n", prefix, number,
                          pango_font_description_get_size_is_absolute (font) ? "px" : "pt");
}

static void
append_color (GString *css, const char *name, const GdkRGBA *color)
{
  g_autofree char *value = gdk_rgba_to_string (color);

  g_string_append_printf (css, "  --hallway-%s: %s;\n", name, value);
}

/* The colours libadwaita 1.7 gives text, the accent and borders, for the current style
 * (light or dark, high contrast or not). */
static char *
build_variables (HallwayAbstractView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (manager);
  gboolean high_contrast = adw_style_manager_get_high_contrast (manager);
  g_autoptr (GdkRGBA) accent = adw_style_manager_get_accent_color_rgba (manager);
  const char *monospace = adw_style_manager_get_monospace_font_name (manager);
  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (self));
  g_autofree char *font_name = NULL;
  GdkRGBA foreground = { 0, 0, 6 / 255., 0.8 };
  GdkRGBA link;
  GString *css = g_string_new (":root {\n");

  if (dark)
    foreground = (GdkRGBA) { 1, 1, 1, 1 };
  /* High contrast: text at full strength, as libadwaita's labels are. */
  if (high_contrast)
    foreground.alpha = 1;
  adw_rgba_to_standalone (accent, dark, &link);
  if (settings != NULL)
    g_object_get (settings, "gtk-font-name", &font_name, NULL);

  g_string_append_printf (css, "  color-scheme: %s;\n", dark ? "dark" : "light");
  append_color (css, "fg", &foreground);
  append_color (css, "accent-bg", accent);
  append_color (css, "link", &link);
  g_string_append_printf (css, "  --hallway-border-opacity: %s;\n", high_contrast ? "50%" : "15%");
  append_font (css, "font", font_name != NULL ? font_name : FALLBACK_FONT, "sans-serif");
  append_font (css, "monospace", monospace != NULL ? monospace : FALLBACK_MONOSPACE_FONT,
               "monospace");
  g_string_append (css, "}\n");
  return g_string_free (css, FALSE);
}

static char *
build_document (HallwayAbstractView *self)
{
  g_autoptr (GBytes) sheet = g_resources_lookup_data (STYLESHEET_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                                      NULL);
  g_autofree char *variables = build_variables (self);
  gboolean high_contrast = adw_style_manager_get_high_contrast (adw_style_manager_get_default ());

  g_assert (sheet != NULL);
  return g_strdup_printf ("<!DOCTYPE html>\n"
                          "<html%s><head><meta charset=\"utf-8\">\n"
                          "<style>\n%s%s</style>\n"
                          "</head><body tabindex=\"0\">%s</body></html>\n",
                          high_contrast ? " class=\"high-contrast\"" : "",
                          variables, (const char *) g_bytes_get_data (sheet, NULL),
                          self->body);
}

static void
cancel_measure (HallwayAbstractView *self)
{
  g_clear_handle_id (&self->measure_source, g_source_remove);
  g_cancellable_cancel (self->measure_cancellable);
  g_clear_object (&self->measure_cancellable);
}

/* Another talk in the document already loaded: its body is swapped in place and measured
 * in one call, instead of a new page load. The HTML is sanitized and the page's CSP still
 * holds; only the app's isolated world runs script. */
static const char swap_script[] =
  "document.body.innerHTML = html;"
  "return [document.body.getBoundingClientRect ().height, window.innerWidth];";

static void swapped_cb (GObject *source, GAsyncResult *result, gpointer user_data);

static gboolean
swap_body (HallwayAbstractView *self)
{
  g_autoptr (GVariant) arguments = NULL;
  GVariantDict dict;
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  if (self->web_view == NULL || !self->loaded || self->loading_ours || width <= 0)
    return FALSE;
  cancel_measure (self);
  self->measure_cancellable = g_cancellable_new ();
  self->measured_width = width;
  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "html", "s", self->body);
  /* Floating, and WebKit only borrows it (transfer none): ours to sink and drop, or each
   * talk switch would leak the abstract (issue 10, defect 10). */
  arguments = g_variant_ref_sink (g_variant_dict_end (&dict));
  webkit_web_view_call_async_javascript_function (self->web_view, swap_script, -1, arguments,
                                                  MEASURE_WORLD, NULL, self->measure_cancellable,
                                                  swapped_cb, self);
  return TRUE;
}

static void
render (HallwayAbstractView *self)
{
  if (self->body == NULL)
    return;
  g_free (self->document);
  self->document = build_document (self);
  if (self->web_view == NULL)
    return; /* loaded when first realized */

  cancel_measure (self);
  self->loaded = FALSE;
  self->loading_ours = TRUE;
  webkit_web_view_load_html (self->web_view, self->document, HALLWAY_ABSTRACT_BASE_URI);
}

/* ---- the height ------------------------------------------------------------------- */

#define MAX_STALE_MEASUREMENTS 20

static void
set_content_height (HallwayAbstractView *self, int height)
{
  if (self->content_height == height)
    return;
  self->content_height = height;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT_HEIGHT]);
}

static double
number_at (JSCValue *array, guint index)
{
  g_autoptr (JSCValue) item = jsc_value_object_get_property_at_index (array, index);

  return jsc_value_is_number (item) ? jsc_value_to_double (item) : 0;
}

static void apply_measurement (HallwayAbstractView *self, JSCValue *value);
static void schedule_measure (HallwayAbstractView *self);

static void
measured_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JSCValue) value = NULL;

  value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (source), result, &error);
  if (value == NULL)
    {
      /* Cancelled means a newer document or a disposed view: do not touch it. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not measure the abstract: %s", error->message);
      return;
    }
  apply_measurement (HALLWAY_ABSTRACT_VIEW (user_data), value);
}

static void
swapped_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JSCValue) value = NULL;

  value = webkit_web_view_call_async_javascript_function_finish (WEBKIT_WEB_VIEW (source), result,
                                                                 &error);
  if (value == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not show the abstract: %s", error->message);
      return;
    }
  apply_measurement (HALLWAY_ABSTRACT_VIEW (user_data), value);
}

static void
apply_measurement (HallwayAbstractView *self, JSCValue *value)
{
  double height, page_width, scale;

  g_clear_object (&self->measure_cancellable);
  height = number_at (value, 0);
  page_width = number_at (value, 1);
  /* WebKit resizes the page in its own process: measured before it did, the page still has
   * its old width and its old layout, and scaled to the new width that height is wrong. */
  if (self->measured_width != self->applied_width && page_width == self->applied_page_width &&
      self->stale_measurements++ < MAX_STALE_MEASUREMENTS)
    {
      schedule_measure (self);
      return;
    }
  self->stale_measurements = 0;
  self->applied_width = self->measured_width;
  self->applied_page_width = page_width;
  scale = page_width > 0 ? self->measured_width / page_width : 1;
  set_content_height (self, (int) ceil (height * scale));
  g_signal_emit (self, signals[RENDERED], 0);
}

static void
measure (gpointer user_data)
{
  HallwayAbstractView *self = user_data;
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  self->measure_source = 0;
  if (!self->loaded || width <= 0)
    return;

  g_cancellable_cancel (self->measure_cancellable);
  g_clear_object (&self->measure_cancellable);
  self->measure_cancellable = g_cancellable_new ();
  self->measured_width = width;
  webkit_web_view_evaluate_javascript (self->web_view, measure_script, -1, MEASURE_WORLD, NULL,
                                       self->measure_cancellable, measured_cb, self);
}

/* Coalesces the allocations of a window being resized into one measurement. */
static void
schedule_measure (HallwayAbstractView *self)
{
  g_clear_handle_id (&self->measure_source, g_source_remove);
  self->measure_source = g_timeout_add_once (MEASURE_DELAY_MS, measure, self);
}

/* ---- what the page may do --------------------------------------------------------- */

static HallwayNavigationDecision
decide_navigation (HallwayAbstractView *self, WebKitNavigationPolicyDecision *decision,
                   gboolean in_this_view, char **uri)
{
  WebKitNavigationAction *action;
  WebKitURIRequest *request;
  gboolean clicked;
  HallwayNavigationDecision verdict;

  action = webkit_navigation_policy_decision_get_navigation_action (decision);
  request = webkit_navigation_action_get_request (action);

  /* A link the person activated. The page runs no script; the app's own scripts count
   * as a gesture (the tests click links that way). */
  clicked = (webkit_navigation_action_get_navigation_type (action)
             == WEBKIT_NAVIGATION_TYPE_LINK_CLICKED)
            && webkit_navigation_action_is_user_gesture (action);
  *uri = g_strdup (webkit_uri_request_get_uri (request));
  verdict = hallway_abstract_policy_decide (*uri, clicked, in_this_view && self->loading_ours);
  if (verdict == HALLWAY_NAVIGATION_ALLOW)
    self->loading_ours = FALSE;
  return verdict;
}

static HallwayNavigationDecision
decide_response (WebKitResponsePolicyDecision *decision, char **uri)
{
  WebKitURIResponse *response = webkit_response_policy_decision_get_response (decision);
  gboolean main_resource = webkit_response_policy_decision_is_main_frame_main_resource (decision);

  *uri = g_strdup (webkit_uri_response_get_uri (response));
  return hallway_abstract_policy_decide (*uri, FALSE, main_resource);
}

static gboolean
decide_policy_cb (HallwayAbstractView *self, WebKitPolicyDecision *decision,
                  WebKitPolicyDecisionType type)
{
  g_autofree char *uri = NULL;
  HallwayNavigationDecision verdict = HALLWAY_NAVIGATION_IGNORE;
  gboolean handled;

  if (type == WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION
      || type == WEBKIT_POLICY_DECISION_TYPE_NEW_WINDOW_ACTION)
    verdict = decide_navigation (self, WEBKIT_NAVIGATION_POLICY_DECISION (decision),
                                 type == WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION, &uri);
  else if (type == WEBKIT_POLICY_DECISION_TYPE_RESPONSE)
    verdict = decide_response (WEBKIT_RESPONSE_POLICY_DECISION (decision), &uri);

  if (verdict == HALLWAY_NAVIGATION_ALLOW)
    {
      g_debug ("allowing our own document");
      webkit_policy_decision_use (decision);
      return TRUE;
    }

  g_debug ("ignoring a %s to %s",
           type == WEBKIT_POLICY_DECISION_TYPE_RESPONSE ? "response" : "navigation",
           uri != NULL ? uri : "(unknown)");
  webkit_policy_decision_ignore (decision);
  if (verdict == HALLWAY_NAVIGATION_OPEN_EXTERNALLY)
    g_signal_emit (self, signals[ACTIVATE_LINK], 0, uri, &handled);
  return TRUE;
}

static GtkWidget *
create_cb (WebKitWebView *web_view, WebKitNavigationAction *action)
{
  return NULL; /* no new windows, ever */
}

/* Leaves copying: everything else (open, download, reload, inspect) goes. */
static gboolean
context_menu_cb (WebKitWebView *web_view, WebKitContextMenu *menu, WebKitHitTestResult *hit)
{
  GList *items = g_list_copy (webkit_context_menu_get_items (menu));

  for (GList *l = items; l != NULL; l = l->next)
    {
      WebKitContextMenuAction action = webkit_context_menu_item_get_stock_action (l->data);

      if (action != WEBKIT_CONTEXT_MENU_ACTION_COPY
          && action != WEBKIT_CONTEXT_MENU_ACTION_COPY_LINK_TO_CLIPBOARD)
        webkit_context_menu_remove (menu, l->data);
    }
  g_list_free (items);
  return webkit_context_menu_get_n_items (menu) == 0;
}

static gboolean
permission_request_cb (WebKitWebView *web_view, WebKitPermissionRequest *request)
{
  webkit_permission_request_deny (request);
  return TRUE;
}

static gboolean
enter_fullscreen_cb (WebKitWebView *web_view)
{
  return TRUE;
}

static void
load_changed_cb (HallwayAbstractView *self, WebKitLoadEvent talk)
{
  /* Once a document is in, no later navigation is the one we started. */
  if (talk == WEBKIT_LOAD_COMMITTED)
    self->loading_ours = FALSE;
  if (talk != WEBKIT_LOAD_FINISHED)
    return;
  self->loaded = TRUE;
  /* Measured at once: the document is laid out when its load finishes. */
  g_clear_handle_id (&self->measure_source, g_source_remove);
  measure (self);
}

static void
web_process_terminated_cb (HallwayAbstractView *self, WebKitWebProcessTerminationReason reason)
{
  /* The next document loaded starts a new web process. */
  g_warning ("The web process of an abstract ended (reason %d)", reason);
  self->loaded = FALSE;
}

static gboolean
activate_link_default (HallwayAbstractView *self, const char *uri)
{
  g_autoptr (GtkUriLauncher) launcher = gtk_uri_launcher_new (uri);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_uri_launcher_launch (launcher, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL, NULL,
                           NULL);
  return TRUE;
}

/* ---- the web view, made lazily ---------------------------------------------------- */

/* Network hints that WebKit acts on without asking the content security policy (a
 * <link rel=preconnect> opens a connection even under default-src 'none'). */
static const char *const network_hint_features[] = {
  "LinkPreconnect",
  "LinkPreconnectEarlyHints",
  "LinkDNSPrefetch",
  "LinkPreload",
  "LinkPrefetch",
  "SpeculationRulesPrefetch",
  NULL,
};

static void
disable_network_hints (WebKitSettings *settings)
{
  g_autoptr (WebKitFeatureList) features = webkit_settings_get_all_features ();

  for (gsize i = 0; i < webkit_feature_list_get_length (features); i++)
    {
      WebKitFeature *feature = webkit_feature_list_get (features, i);

      if (g_strv_contains ((const char *const *) network_hint_features,
                           webkit_feature_get_identifier (feature)))
        webkit_settings_set_feature_enabled (settings, feature, FALSE);
    }
}

static WebKitSettings *
new_locked_down_settings (void)
{
  WebKitSettings *settings;

  /* JavaScript stays on only so that the app can measure the page from an isolated
   * world; with the markup off the page itself runs nothing (no <script>, no on…
   * attributes, no javascript: URLs), and the CSP forbids scripts as well. */
  settings = webkit_settings_new_with_settings ("enable-javascript", TRUE,
                                                "enable-javascript-markup", FALSE,
                                                "javascript-can-open-windows-automatically", FALSE,
                                                "javascript-can-access-clipboard", FALSE,
                                                "auto-load-images", FALSE,
                                                "enable-html5-local-storage", FALSE,
                                                "enable-html5-database", FALSE,
                                                "enable-page-cache", FALSE,
                                                "enable-developer-extras", FALSE,
                                                "enable-webgl", FALSE,
                                                "enable-webaudio", FALSE,
                                                "enable-media", FALSE,
                                                "enable-media-stream", FALSE,
                                                "enable-mediasource", FALSE,
                                                "enable-encrypted-media", FALSE,
                                                "enable-media-capabilities", FALSE,
                                                "enable-webrtc", FALSE,
                                                "enable-fullscreen", FALSE,
                                                "enable-site-specific-quirks", FALSE,
                                                "enable-back-forward-navigation-gestures", FALSE,
                                                "enable-tabs-to-links", TRUE,
                                                NULL);
  disable_network_hints (settings);
  return settings;
}

/* WebKit parents a GtkTextView to each web view only to turn key bindings into editing
 * commands (its KeyBindingTranslator). It stays an ordinary editable, focusable widget: when
 * Tab leaves the page, GTK's focus chain went on into it, and every later Tab and Shift+Tab
 * was typed into a nameless text that nobody sees (issue 14, a keyboard trap). WebKit only
 * forwards key events to it, which needs no focus. */
static void
keep_focus_out_of_key_translator (WebKitWebView *web_view)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (web_view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TEXT_VIEW (child))
      {
        gtk_widget_set_can_focus (child, FALSE);
        gtk_widget_set_focusable (child, FALSE); /* what AT-SPI reports */
      }
}

static void
ensure_web_view (HallwayAbstractView *self)
{
  g_autoptr (WebKitSettings) settings = NULL;
  GdkRGBA transparent = { 0, 0, 0, 0 };

  if (self->web_view != NULL)
    return;

  settings = new_locked_down_settings ();
  self->web_view = g_object_new (WEBKIT_TYPE_WEB_VIEW,
                                 "network-session", hallway_web_session_get_default (),
                                 "settings", settings,
                                 "default-content-security-policy", CONTENT_SECURITY_POLICY,
                                 /* The named node a screen reader meets on Tab. Not a
                                  * group: Orca 48 drops a focused grouping's name when it
                                  * also says that the focus left a list ("grouping"). */
                                 "accessible-role", GTK_ACCESSIBLE_ROLE_ARTICLE,
                                 NULL);
  webkit_web_view_set_background_color (self->web_view, &transparent);
  keep_focus_out_of_key_translator (self->web_view);
  /* Tab stops on the web view itself: a screen reader names what got the focus. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->web_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Abstract"), -1);
  gtk_widget_set_parent (GTK_WIDGET (self->web_view), GTK_WIDGET (self));

  g_signal_connect_swapped (self->web_view, "decide-policy", G_CALLBACK (decide_policy_cb), self);
  g_signal_connect_swapped (self->web_view, "load-changed", G_CALLBACK (load_changed_cb), self);
  g_signal_connect_swapped (self->web_view, "web-process-terminated",
                            G_CALLBACK (web_process_terminated_cb), self);
  g_signal_connect (self->web_view, "create", G_CALLBACK (create_cb), NULL);
  g_signal_connect (self->web_view, "context-menu", G_CALLBACK (context_menu_cb), NULL);
  g_signal_connect (self->web_view, "permission-request", G_CALLBACK (permission_request_cb), NULL);
  g_signal_connect (self->web_view, "enter-fullscreen", G_CALLBACK (enter_fullscreen_cb), NULL);

  if (self->document != NULL)
    {
      self->loading_ours = TRUE;
      webkit_web_view_load_html (self->web_view, self->document, HALLWAY_ABSTRACT_BASE_URI);
    }
}

/* ---- GtkWidget -------------------------------------------------------------------- */

static void
hallway_abstract_view_realize (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (hallway_abstract_view_parent_class)->realize (widget);
  /* The web process starts with the first web view: only once an abstract is shown. */
  ensure_web_view (HALLWAY_ABSTRACT_VIEW (widget));
}

static void
hallway_abstract_view_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  HallwayAbstractView *self = HALLWAY_ABSTRACT_VIEW (widget);

  /* The web view's own size request follows its last layout; ours is the content's. */
  if (self->web_view != NULL)
    gtk_widget_measure (GTK_WIDGET (self->web_view), orientation, -1, NULL, NULL, NULL, NULL);
  *minimum = *natural = orientation == GTK_ORIENTATION_VERTICAL ? self->content_height : 0;
}

static void
hallway_abstract_view_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  HallwayAbstractView *self = HALLWAY_ABSTRACT_VIEW (widget);

  if (self->web_view == NULL)
    return;
  gtk_widget_allocate (GTK_WIDGET (self->web_view), width, height, baseline, NULL);
  /* Text rewraps at a new width: measure again once the web view has it. */
  if (width != self->measured_width)
    schedule_measure (self);
}

/* ---- GObject ---------------------------------------------------------------------- */

static void
hallway_abstract_view_dispose (GObject *object)
{
  HallwayAbstractView *self = HALLWAY_ABSTRACT_VIEW (object);
  GtkSettings *settings = gtk_settings_get_default ();

  cancel_measure (self);
  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  if (settings != NULL)
    g_signal_handlers_disconnect_by_data (settings, self);
  if (self->web_view != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->web_view, self);
      gtk_widget_unparent (GTK_WIDGET (g_steal_pointer (&self->web_view)));
    }

  G_OBJECT_CLASS (hallway_abstract_view_parent_class)->dispose (object);
}

static void
hallway_abstract_view_finalize (GObject *object)
{
  HallwayAbstractView *self = HALLWAY_ABSTRACT_VIEW (object);

  g_free (self->body);
  g_free (self->document);

  G_OBJECT_CLASS (hallway_abstract_view_parent_class)->finalize (object);
}

static void
hallway_abstract_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  HallwayAbstractView *self = HALLWAY_ABSTRACT_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTENT_HEIGHT:
      g_value_set_int (value, self->content_height);
      break;
    case PROP_HTML:
      g_value_set_string (value, self->body);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hallway_abstract_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_HTML:
      hallway_abstract_view_set_html (HALLWAY_ABSTRACT_VIEW (object), g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hallway_abstract_view_class_init (HallwayAbstractViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hallway_abstract_view_dispose;
  object_class->finalize = hallway_abstract_view_finalize;
  object_class->get_property = hallway_abstract_view_get_property;
  object_class->set_property = hallway_abstract_view_set_property;
  widget_class->realize = hallway_abstract_view_realize;
  widget_class->measure = hallway_abstract_view_measure;
  widget_class->size_allocate = hallway_abstract_view_size_allocate;

  /**
   * HallwayAbstractView:content-height:
   *
   * The height of the abstract at the current width, in widget pixels; 0 until measured.
   */
  properties[PROP_CONTENT_HEIGHT] =
    g_param_spec_int ("content-height", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * HallwayAbstractView:html:
   *
   * The sanitized HTML shown: the app sets it by name, as it loads this view from the web
   * module only when a talk is first shown.
   */
  properties[PROP_HTML] =
    g_param_spec_string ("html", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HallwayAbstractView::activate-link:
   * @uri: an http, https or mailto URI
   *
   * Emitted when the person activates a link. The default handler opens it with
   * GtkUriLauncher; return TRUE to stop it.
   */
  /* The document is laid out and measured: for the talk-opening benchmark. */
  signals[RENDERED] = g_signal_new ("rendered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[ACTIVATE_LINK] =
    g_signal_new_class_handler ("activate-link", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                G_CALLBACK (activate_link_default),
                                g_signal_accumulator_true_handled, NULL, NULL,
                                G_TYPE_BOOLEAN, 1, G_TYPE_STRING);

  gtk_widget_class_set_css_name (widget_class, "abstractview");
  /* Only a frame around the web view, which is the article "Abstract": two nodes of that
   * name, one inside the other, are read twice. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
}

static void
hallway_abstract_view_init (HallwayAbstractView *self)
{
  GtkSettings *settings = gtk_settings_get_default ();
  AdwStyleManager *manager = adw_style_manager_get_default ();

  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  g_signal_connect_swapped (manager, "notify::dark", G_CALLBACK (render), self);
  g_signal_connect_swapped (manager, "notify::accent-color-rgba", G_CALLBACK (render), self);
  g_signal_connect_swapped (manager, "notify::high-contrast", G_CALLBACK (render), self);
  g_signal_connect_swapped (manager, "notify::monospace-font-name", G_CALLBACK (render), self);
  if (settings != NULL)
    {
      g_signal_connect_swapped (settings, "notify::gtk-font-name", G_CALLBACK (render), self);
      /* Text scaling: WebKit zooms the page, so the height changes. */
      g_signal_connect_swapped (settings, "notify::gtk-xft-dpi", G_CALLBACK (render), self);
    }
}

GtkWidget *
hallway_abstract_view_new (void)
{
  return g_object_new (HALLWAY_TYPE_ABSTRACT_VIEW, NULL);
}

/**
 * hallway_abstract_view_set_html:
 * @sanitized_html: (nullable): the abstract, as hallway_sanitize_html() leaves it
 *
 * Shows another abstract in the same web view.
 */
void
hallway_abstract_view_set_html (HallwayAbstractView *self, const char *sanitized_html)
{
  g_return_if_fail (HALLWAY_IS_ABSTRACT_VIEW (self));

  g_free (self->body);
  self->body = g_strdup (sanitized_html != NULL ? sanitized_html : "");
  if (swap_body (self))
    {
      g_free (self->document);
      self->document = build_document (self);
      return;
    }
  render (self);
}

/**
 * hallway_abstract_view_warm_up:
 * @view: a #HallwayAbstractView not yet shown
 *
 * Makes the web view and loads an empty document now, before the view is in a window, so
 * that WebKit starts its web and network processes: the first abstract shown then finds
 * them running. Takes a widget, as the loader calls it by name.
 */
void
hallway_abstract_view_warm_up (GtkWidget *view)
{
  HallwayAbstractView *self = HALLWAY_ABSTRACT_VIEW (view);

  if (self->body == NULL)
    {
      self->body = g_strdup ("");
      self->document = build_document (self);
    }
  ensure_web_view (self);
}

int
hallway_abstract_view_get_content_height (HallwayAbstractView *self)
{
  g_return_val_if_fail (HALLWAY_IS_ABSTRACT_VIEW (self), 0);

  return self->content_height;
}

/* Loads @html into a new document as it is, bypassing the sanitizer that the talk page's
 * HTML has been through, and whether or not a document is loaded already: the tests check
 * that the web view's own defences hold alone. */
void
hallway_abstract_view_load_unsanitized_for_testing (HallwayAbstractView *self, const char *html)
{
  g_return_if_fail (HALLWAY_IS_ABSTRACT_VIEW (self));

  g_free (self->body);
  self->body = g_strdup (html != NULL ? html : "");
  render (self);
}

const char *
hallway_abstract_view_get_document_for_testing (HallwayAbstractView *self)
{
  return self->document;
}

GtkWidget *
hallway_abstract_view_get_web_view_for_testing (HallwayAbstractView *self)
{
  return self->web_view != NULL ? GTK_WIDGET (self->web_view) : NULL;
}
