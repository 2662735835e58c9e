/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

#include "hallway-subscription.h"

G_BEGIN_DECLS

#define HALLWAY_TYPE_REFRESHER (hallway_refresher_get_type ())
G_DECLARE_FINAL_TYPE (HallwayRefresher, hallway_refresher, HALLWAY, REFRESHER, GObject)

/* Keeps one subscription fresh while the app runs: on start when the last check is older
 * than the refresh interval, then every interval (15 minutes on conference days, daily
 * otherwise), and when the network comes back. Failures are the subscription's to report
 * ("last-error"); the refresher just tries again at the next occasion. */
HallwayRefresher    *hallway_refresher_new              (GNetworkMonitor     *monitor);
void                 hallway_refresher_set_subscription (HallwayRefresher    *self,
                                                         HallwaySubscription *subscription);
HallwaySubscription *hallway_refresher_get_subscription (HallwayRefresher    *self);
/* As the person asks with Ctrl+R: now, cancelling a refresh of ours that still runs. */
void                 hallway_refresher_refresh_now      (HallwayRefresher    *self);
/* While held, a refresh that falls due waits; release starts it then. The app holds its
 * refresher until the window's first frame, which starting a download would delay. */
void                 hallway_refresher_hold             (HallwayRefresher    *self);
void                 hallway_refresher_release          (HallwayRefresher    *self);
/* Whether a check is due at `now` (pure, for tests and for the start-up decision). */
gboolean             hallway_refresher_is_due           (HallwaySubscription *subscription,
                                                         GDateTime           *now);

G_END_DECLS
