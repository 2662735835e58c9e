/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <glib-object.h>

#include "hallway-types.h"

G_BEGIN_DECLS

typedef enum
{
  HALLWAY_LINK_OTHER,
  HALLWAY_LINK_VIDEO,
  HALLWAY_LINK_STREAM,
  HALLWAY_LINK_CHAT,
  HALLWAY_LINK_SLIDES,
  HALLWAY_LINK_FEEDBACK,
} HallwayLinkKind;

#define HALLWAY_TYPE_LINK (hallway_link_get_type ())
G_DECLARE_FINAL_TYPE (HallwayLink, hallway_link, HALLWAY, LINK, GObject)

HallwayLink     *hallway_link_new        (const char      *label,
                                          const char      *url,
                                          HallwayLinkKind  kind);
HallwayLinkKind  hallway_link_guess_kind (const char      *label,
                                          const char      *url);
const char      *hallway_link_get_label  (HallwayLink     *self);
const char      *hallway_link_get_url    (HallwayLink     *self);
HallwayLinkKind  hallway_link_get_kind   (HallwayLink     *self);
gboolean         hallway_link_is_playable (HallwayLink    *self);

G_END_DECLS
