/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The keys of the GSettings schema (data/io.github.hallway_app.Hallway.gschema.xml.in,
 * schema id = the app id); test-settings checks that this list and the schema agree. */
#define HALLWAY_SETTINGS_WINDOW_WIDTH      "window-width"
#define HALLWAY_SETTINGS_WINDOW_HEIGHT     "window-height"
#define HALLWAY_SETTINGS_WINDOW_MAXIMIZED  "window-maximized"
#define HALLWAY_SETTINGS_SHOW_LOCAL_TIME   "show-local-time"
#define HALLWAY_SETTINGS_REMINDER_LEAD     "reminder-lead-minutes"
#define HALLWAY_SETTINGS_NOTIFY_CHANGES    "notify-changes"
#define HALLWAY_SETTINGS_RUN_IN_BACKGROUND "run-in-background"
#define HALLWAY_SETTINGS_START_AT_LOGIN    "start-at-login"
#define HALLWAY_SETTINGS_CATALOGUE_URL     "catalogue-url"

/* The app's settings. The application makes one and hands it to whoever needs it. */
GSettings *hallway_settings_new               (void);
/* The same, or NULL when the schema is not installed (the command line run from a build
 * folder): for code that can do without settings. */
GSettings *hallway_settings_new_if_installed  (void);

/* The alarm a calendar export gives each talk, in minutes before it: the reminder lead
 * time, HALLWAY_ICAL_EXPORT_NO_ALARM when reminders are off or there are no settings. */
int        hallway_settings_get_alarm_minutes (GSettings *settings);

G_END_DECLS
