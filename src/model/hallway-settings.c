/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-settings"

#include "config.h"

#include "hallway-ical-export.h"
#include "hallway-settings.h"

GSettings *
hallway_settings_new (void)
{
  return g_settings_new (APP_ID);
}

GSettings *
hallway_settings_new_if_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;

  /* g_settings_new () would abort without the schema. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}

int
hallway_settings_get_alarm_minutes (GSettings *settings)
{
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings),
                        HALLWAY_ICAL_EXPORT_NO_ALARM);

  if (settings == NULL)
    return HALLWAY_ICAL_EXPORT_NO_ALARM;
  /* The key's -1 ("never remind") is the exporter's "no alarm". */
  return MAX (g_settings_get_int (settings, HALLWAY_SETTINGS_REMINDER_LEAD),
              HALLWAY_ICAL_EXPORT_NO_ALARM);
}
