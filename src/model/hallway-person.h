/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <glib-object.h>

#include "hallway-rich-text.h"
#include "hallway-types.h"

G_BEGIN_DECLS

#define HALLWAY_TYPE_PERSON (hallway_person_get_type ())
G_DECLARE_FINAL_TYPE (HallwayPerson, hallway_person, HALLWAY, PERSON, GObject)

HallwayPerson *hallway_person_new           (const char    *id,
                                             const char    *name);
const char    *hallway_person_get_id        (HallwayPerson *self);
const char    *hallway_person_get_name      (HallwayPerson *self);
const char    *hallway_person_get_biography (HallwayPerson *self);
gboolean       hallway_person_has_biography (HallwayPerson     *self);
const HallwayRichText *hallway_person_peek_biography (HallwayPerson *self);
void           hallway_person_set_biography (HallwayPerson     *self,
                                             const char        *text,
                                             HallwayTextFormat  format);

G_END_DECLS
