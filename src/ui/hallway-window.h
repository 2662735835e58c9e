/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <adwaita.h>

#include "hallway-library.h"

G_BEGIN_DECLS

#define HALLWAY_TYPE_WINDOW (hallway_window_get_type ())
G_DECLARE_FINAL_TYPE (HallwayWindow, hallway_window, HALLWAY, WINDOW, AdwApplicationWindow)

/* The settings are the application's one GSettings object (window size, local time). */
HallwayWindow       *hallway_window_new          (GtkApplication      *application,
                                                  GSettings           *settings);
/* The followed conferences, for the "Switch Conference" menu. */
void                 hallway_window_set_library  (HallwayWindow       *self,
                                                  HallwayLibrary      *library);
/* The conference shown (a followed or the built-in one), NULL before the first. */
HallwayLibraryEntry *hallway_window_get_entry    (HallwayWindow       *self);
void                 hallway_window_set_entry    (HallwayWindow       *self,
                                                  HallwayLibraryEntry *entry);
void                 hallway_window_show_talk    (HallwayWindow       *self,
                                                  const char          *key);
/* The schedule's search, with this text typed in. */
void                 hallway_window_start_search (HallwayWindow       *self,
                                                  const char          *text);
void                 hallway_window_show_message (HallwayWindow       *self,
                                                  const char          *message);
/* Stays until closed: a damaged file that was set aside, and where its copy is. */
void                 hallway_window_show_lasting_message (HallwayWindow *self,
                                                          const char    *message);

G_END_DECLS
