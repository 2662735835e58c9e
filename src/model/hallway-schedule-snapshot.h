/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

#include "hallway-conference.h"

G_BEGIN_DECLS

GBytes            *hallway_schedule_snapshot_new  (HallwayConference *conference,
                                                   const char        *payload_sha256);
HallwayConference *hallway_schedule_snapshot_read (GBytes            *snapshot,
                                                   const char        *payload_sha256);

G_END_DECLS
