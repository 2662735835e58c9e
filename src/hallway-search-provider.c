/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-search-provider"

#include "config.h"

#include "hallway-desktop-search.h"
#include "hallway-search-provider.h"
#include "hallway-settings.h"
#include "hallway-talk.h"

#define SHELL_INTERFACE "org.gnome.Shell.SearchProvider2"
#define KRUNNER_INTERFACE "org.kde.krunner1"
/* KRunner's match types (Plasma's QueryMatch::Type): the word was found in the talk. */
#define KRUNNER_POSSIBLE_MATCH 30
/* KRunner takes every match with its text at once (the shell asks for the few it shows):
 * the earliest ones in the schedule, as many as its list shows. */
#define KRUNNER_MAX_MATCHES 25

static const char introspection_xml[] =
  "<node>"
  "  <interface name='" SHELL_INTERFACE "'>"
  "    <method name='GetInitialResultSet'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetSubsearchResultSet'>"
  "      <arg type='as' name='previous_results' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetResultMetas'>"
  "      <arg type='as' name='identifiers' direction='in'/>"
  "      <arg type='aa{sv}' name='metas' direction='out'/>"
  "    </method>"
  "    <method name='ActivateResult'>"
  "      <arg type='s' name='identifier' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "    <method name='LaunchSearch'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "  </interface>"
  "  <interface name='" KRUNNER_INTERFACE "'>"
  "    <method name='Actions'>"
  "      <arg type='a(sss)' name='matches' direction='out'/>"
  "    </method>"
  "    <method name='Match'>"
  "      <arg type='s' name='query' direction='in'/>"
  "      <arg type='a(sssida{sv})' name='matches' direction='out'/>"
  "    </method>"
  "    <method name='Run'>"
  "      <arg type='s' name='matchId' direction='in'/>"
  "      <arg type='s' name='actionId' direction='in'/>"
  "    </method>"
  "    <method name='Teardown'/>"
  "  </interface>"
  "</node>";

struct _HallwaySearchProvider
{
  GObject parent_instance;

  GApplication *application;   /* not owned: it owns us */
  HallwayLibrary *library;     /* NULL until loaded */
  GSettings *settings;         /* the application's: whether times are local */
  GDBusConnection *connection;
  guint shell_registration;
  guint krunner_registration;
  GPtrArray *waiting;          /* GDBusMethodInvocation, before the library was loaded */
};

G_DEFINE_FINAL_TYPE (HallwaySearchProvider, hallway_search_provider, G_TYPE_OBJECT)

/* ---- the answers --------------------------------------------------------------------- */

static char *
describe (HallwaySearchProvider *self, HallwayLibraryEntry *entry, HallwayTalk *talk)
{
  return hallway_desktop_search_describe (
    entry, talk, g_settings_get_boolean (self->settings, HALLWAY_SETTINGS_SHOW_LOCAL_TIME));
}

static GVariant *
result_meta (HallwaySearchProvider *self, const char *result_id)
{
  HallwayLibraryEntry *entry = NULL;
  HallwayTalk *talk = hallway_desktop_search_lookup (self->library, result_id, &entry);
  g_autofree char *description = NULL;
  g_autoptr (GIcon) icon = NULL;
  g_autoptr (GVariant) serialized_icon = NULL;   /* not floating: the dict takes a ref */
  GVariantDict meta;

  if (talk == NULL)
    return NULL;
  description = describe (self, entry, talk);
  icon = g_themed_icon_new (APP_ID);
  serialized_icon = g_icon_serialize (icon);
  g_variant_dict_init (&meta, NULL);
  g_variant_dict_insert (&meta, "id", "s", result_id);
  g_variant_dict_insert (&meta, "name", "s", hallway_talk_get_title (talk));
  g_variant_dict_insert (&meta, "description", "s", description);
  g_variant_dict_insert_value (&meta, "icon", serialized_icon);
  return g_variant_dict_end (&meta);
}

static GVariant *
get_result_metas (HallwaySearchProvider *self, const char * const *result_ids)
{
  GVariantBuilder metas;

  g_variant_builder_init (&metas, G_VARIANT_TYPE ("(aa{sv})"));
  g_variant_builder_open (&metas, G_VARIANT_TYPE ("aa{sv}"));
  /* An id of a conference removed since the shell asked is left out. */
  for (guint i = 0; result_ids[i] != NULL; i++)
    {
      GVariant *meta = result_meta (self, result_ids[i]);

      if (meta != NULL)
        g_variant_builder_add_value (&metas, meta);
    }
  g_variant_builder_close (&metas);
  return g_variant_builder_end (&metas);
}

static GVariant *
krunner_matches (HallwaySearchProvider *self, const char *query)
{
  const char *terms[] = { query, NULL };
  g_auto (GStrv) ids = hallway_desktop_search_find (self->library, terms);
  GVariantBuilder matches;

  g_variant_builder_init (&matches, G_VARIANT_TYPE ("(a(sssida{sv}))"));
  g_variant_builder_open (&matches, G_VARIANT_TYPE ("a(sssida{sv})"));
  for (guint i = 0; ids[i] != NULL && i < KRUNNER_MAX_MATCHES; i++)
    {
      HallwayLibraryEntry *entry = NULL;
      HallwayTalk *talk = hallway_desktop_search_lookup (self->library, ids[i], &entry);
      g_autofree char *description = describe (self, entry, talk);
      GVariantDict properties;

      g_variant_dict_init (&properties, NULL);
      g_variant_dict_insert (&properties, "subtext", "s", description);
      /* The schedule's order, as in the shell: earlier talks rank a little higher. */
      g_variant_builder_add (&matches, "(sssid@a{sv})", ids[i], hallway_talk_get_title (talk),
                             APP_ID, KRUNNER_POSSIBLE_MATCH, 1.0 - i / 100.0,
                             g_variant_dict_end (&properties));
    }
  g_variant_builder_close (&matches);
  return g_variant_builder_end (&matches);
}

static void
open_talk (HallwaySearchProvider *self, const char *result_id)
{
  HallwayLibraryEntry *entry = NULL;
  HallwayTalk *talk = hallway_desktop_search_lookup (self->library, result_id, &entry);

  if (talk == NULL)
    return;
  g_action_group_activate_action (G_ACTION_GROUP (self->application), "open-talk",
                                  g_variant_new ("(ss)", hallway_library_entry_get_id (entry),
                                                 hallway_talk_get_key (talk)));
}

/* The window's search with the terms, in the conference of the first result (the one the
 * shell listed first), else the one the window shows. */
static void
launch_search (HallwaySearchProvider *self, const char * const *terms)
{
  g_autofree char *text = g_strjoinv (" ", (char **) terms);
  g_auto (GStrv) ids = hallway_desktop_search_find (self->library, terms);
  HallwayLibraryEntry *entry = NULL;

  if (ids[0] != NULL)
    hallway_desktop_search_lookup (self->library, ids[0], &entry);
  g_action_group_activate_action (G_ACTION_GROUP (self->application), "search-talks",
                                  g_variant_new ("(ss)",
                                                 entry ? hallway_library_entry_get_id (entry) : "",
                                                 text));
}

static GVariant *
answer_shell (HallwaySearchProvider *self, const char *method, GVariant *parameters)
{
  g_autofree const char **terms = NULL;
  g_autofree const char **result_ids = NULL;
  const char *result_id;

  if (g_str_equal (method, "GetInitialResultSet"))
    {
      g_auto (GStrv) ids = NULL;

      g_variant_get (parameters, "(^a&s)", &terms);
      ids = hallway_desktop_search_find (self->library, terms);
      return g_variant_new ("(^as)", ids);
    }
  if (g_str_equal (method, "GetSubsearchResultSet"))
    {
      g_auto (GStrv) ids = NULL;

      g_variant_get (parameters, "(^a&s^a&s)", &result_ids, &terms);
      ids = hallway_desktop_search_refine (self->library, result_ids, terms);
      return g_variant_new ("(^as)", ids);
    }
  if (g_str_equal (method, "GetResultMetas"))
    {
      g_variant_get (parameters, "(^a&s)", &result_ids);
      return get_result_metas (self, result_ids);
    }
  if (g_str_equal (method, "ActivateResult"))
    {
      g_variant_get (parameters, "(&s^a&su)", &result_id, &terms, NULL);
      open_talk (self, result_id);
      return NULL;
    }
  g_variant_get (parameters, "(^a&su)", &terms, NULL);   /* LaunchSearch */
  launch_search (self, terms);
  return NULL;
}

static GVariant *
answer_krunner (HallwaySearchProvider *self, const char *method, GVariant *parameters)
{
  const char *text;

  if (g_str_equal (method, "Actions"))
    return g_variant_new_parsed ("(@a(sss) [],)");
  if (g_str_equal (method, "Match"))
    {
      g_variant_get (parameters, "(&s)", &text);
      return krunner_matches (self, text);
    }
  if (g_str_equal (method, "Run"))
    {
      g_variant_get (parameters, "(&s&s)", &text, NULL);
      open_talk (self, text);
    }
  return NULL;   /* Run, Teardown */
}

static void
answer (HallwaySearchProvider *self, GDBusMethodInvocation *invocation)
{
  const char *interface = g_dbus_method_invocation_get_interface_name (invocation);
  const char *method = g_dbus_method_invocation_get_method_name (invocation);
  GVariant *parameters = g_dbus_method_invocation_get_parameters (invocation);
  GVariant *reply = g_str_equal (interface, SHELL_INTERFACE)
                    ? answer_shell (self, method, parameters)
                    : answer_krunner (self, method, parameters);

  g_dbus_method_invocation_return_value (invocation, reply);
  g_application_release (self->application);
}

/* ---- D-Bus ----------------------------------------------------------------------------- */

static void
method_call_cb (GDBusConnection       *connection,
                const char            *sender,
                const char            *object_path,
                const char            *interface_name,
                const char            *method_name,
                GVariant              *parameters,
                GDBusMethodInvocation *invocation,
                gpointer               user_data)
{
  HallwaySearchProvider *self = user_data;

  /* Released once answered: an app started only for search stays while it works. */
  g_application_hold (self->application);
  if (self->library == NULL)
    g_ptr_array_add (self->waiting, g_object_ref (invocation));
  else
    answer (self, invocation);
}

static const GDBusInterfaceVTable vtable = { method_call_cb, NULL, NULL, { NULL } };

gboolean
hallway_search_provider_export (HallwaySearchProvider *self,
                                GDBusConnection       *connection,
                                const char            *app_path,
                                GError               **error)
{
  g_autoptr (GDBusNodeInfo) node = g_dbus_node_info_new_for_xml (introspection_xml, NULL);
  g_autofree char *shell_path = g_strconcat (app_path, "/SearchProvider", NULL);
  g_autofree char *krunner_path = g_strconcat (app_path, "/KRunner", NULL);

  g_return_val_if_fail (HALLWAY_IS_SEARCH_PROVIDER (self), FALSE);
  g_return_val_if_fail (self->connection == NULL, FALSE);

  self->shell_registration = g_dbus_connection_register_object (
    connection, shell_path, g_dbus_node_info_lookup_interface (node, SHELL_INTERFACE), &vtable,
    self, NULL, error);
  if (self->shell_registration == 0)
    return FALSE;
  self->krunner_registration = g_dbus_connection_register_object (
    connection, krunner_path, g_dbus_node_info_lookup_interface (node, KRUNNER_INTERFACE),
    &vtable, self, NULL, error);
  self->connection = g_object_ref (connection);
  if (self->krunner_registration == 0)
    {
      hallway_search_provider_unexport (self);
      return FALSE;
    }
  return TRUE;
}

void
hallway_search_provider_unexport (HallwaySearchProvider *self)
{
  g_return_if_fail (HALLWAY_IS_SEARCH_PROVIDER (self));

  if (self->connection == NULL)
    return;
  if (self->shell_registration != 0)
    g_dbus_connection_unregister_object (self->connection, self->shell_registration);
  if (self->krunner_registration != 0)
    g_dbus_connection_unregister_object (self->connection, self->krunner_registration);
  self->shell_registration = self->krunner_registration = 0;
  g_clear_object (&self->connection);
}

void
hallway_search_provider_set_library (HallwaySearchProvider *self,
                                     HallwayLibrary        *library,
                                     GSettings             *settings)
{
  g_autoptr (GPtrArray) waiting = NULL;

  g_return_if_fail (HALLWAY_IS_SEARCH_PROVIDER (self));
  g_return_if_fail (HALLWAY_IS_LIBRARY (library));
  g_return_if_fail (G_IS_SETTINGS (settings));

  g_set_object (&self->settings, settings);
  g_set_object (&self->library, library);
  waiting = g_steal_pointer (&self->waiting);
  self->waiting = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < waiting->len; i++)
    answer (self, g_ptr_array_index (waiting, i));
}

/* ---- the object ------------------------------------------------------------------------ */

static void
hallway_search_provider_dispose (GObject *object)
{
  HallwaySearchProvider *self = HALLWAY_SEARCH_PROVIDER (object);

  hallway_search_provider_unexport (self);
  g_clear_object (&self->library);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (hallway_search_provider_parent_class)->dispose (object);
}

static void
hallway_search_provider_finalize (GObject *object)
{
  HallwaySearchProvider *self = HALLWAY_SEARCH_PROVIDER (object);

  g_clear_pointer (&self->waiting, g_ptr_array_unref);
  G_OBJECT_CLASS (hallway_search_provider_parent_class)->finalize (object);
}

static void
hallway_search_provider_class_init (HallwaySearchProviderClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = hallway_search_provider_dispose;
  G_OBJECT_CLASS (klass)->finalize = hallway_search_provider_finalize;
}

static void
hallway_search_provider_init (HallwaySearchProvider *self)
{
  self->waiting = g_ptr_array_new_with_free_func (g_object_unref);
}

HallwaySearchProvider *
hallway_search_provider_new (GApplication *application)
{
  HallwaySearchProvider *self = g_object_new (HALLWAY_TYPE_SEARCH_PROVIDER, NULL);

  self->application = application;
  return self;
}
