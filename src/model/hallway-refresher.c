/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-refresher"

#include "hallway-refresher.h"

struct _HallwayRefresher
{
  GObject parent_instance;

  GNetworkMonitor *monitor;
  HallwaySubscription *subscription;
  GCancellable *cancellable;       /* of the refresh this refresher started, if running */
  gboolean restart_when_cancelled; /* the person asked again while it ran */
  guint timeout_id;
  gboolean network_was_available;
  gboolean held;                   /* see hallway_refresher_hold () */
  gboolean due_while_held;
};

G_DEFINE_FINAL_TYPE (HallwayRefresher, hallway_refresher, G_TYPE_OBJECT)

/* After a failure: soon enough to catch the schedule when the network is back, rarely
 * enough not to hammer a broken server. */
#define RETRY_AFTER_FAILURE (5 * G_TIME_SPAN_MINUTE)

static void schedule_next (HallwayRefresher *self, gboolean failed);
static void start_refresh (HallwayRefresher *self);

gboolean
hallway_refresher_is_due (HallwaySubscription *subscription, GDateTime *now)
{
  GDateTime *checked = hallway_subscription_get_last_checked (subscription);

  if (checked == NULL)
    return TRUE;
  return g_date_time_difference (now, checked) >=
         hallway_subscription_get_refresh_interval (subscription, now);
}

static void
refreshed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (HallwayRefresher) self = user_data;
  g_autoptr (GError) error = NULL;
  gboolean ok = hallway_subscription_refresh_finish (HALLWAY_SUBSCRIPTION (source), result, &error);
  gboolean restart = self->restart_when_cancelled;

  self->restart_when_cancelled = FALSE;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (restart && HALLWAY_SUBSCRIPTION (source) == self->subscription)
        start_refresh (self);
      return;
    }
  /* Errors are in the subscription's "last-error" for the window to show. */
  if (!ok)
    g_debug ("Refreshing %s failed: %s",
             hallway_subscription_get_uri (HALLWAY_SUBSCRIPTION (source)), error->message);
  if (HALLWAY_SUBSCRIPTION (source) == self->subscription)
    schedule_next (self, !ok);
}

static void
start_refresh (HallwayRefresher *self)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->held)
    {
      self->due_while_held = TRUE;
      return;
    }
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  hallway_subscription_refresh_async (self->subscription, self->cancellable, refreshed_cb,
                                      g_object_ref (self));
}

/* Timers and the network coming back: a refresh already running is enough. */
static void
refresh_unless_running (HallwayRefresher *self)
{
  if (self->subscription == NULL || hallway_subscription_get_refreshing (self->subscription))
    return;
  start_refresh (self);
}

/* The person asked (Ctrl+R): a refresh of ours still running may be stuck on a slow
 * server, so it is cancelled and started afresh. */
void
hallway_refresher_refresh_now (HallwayRefresher *self)
{
  g_return_if_fail (HALLWAY_IS_REFRESHER (self));

  if (self->subscription == NULL)
    return;
  if (!hallway_subscription_get_refreshing (self->subscription))
    {
      start_refresh (self);
      return;
    }
  if (self->cancellable == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;
  self->restart_when_cancelled = TRUE;
  g_cancellable_cancel (self->cancellable);
}

static gboolean
timeout_cb (gpointer user_data)
{
  HallwayRefresher *self = user_data;

  self->timeout_id = 0;
  refresh_unless_running (self);
  return G_SOURCE_REMOVE;
}

/* The interval counts from the last check, so a laptop that slept through one refreshes as
 * soon as the next timer fires. */
static void
schedule_next (HallwayRefresher *self, gboolean failed)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  GDateTime *checked = hallway_subscription_get_last_checked (self->subscription);
  GTimeSpan interval = hallway_subscription_get_refresh_interval (self->subscription, now);
  GTimeSpan wait = checked != NULL ? interval - g_date_time_difference (now, checked) : 0;

  if (failed)
    wait = MIN (interval, RETRY_AFTER_FAILURE);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id =
    g_timeout_add_seconds ((guint)(CLAMP (wait, 0, interval) / G_TIME_SPAN_SECOND) + 1, timeout_cb,
                           self);
}

static void
network_changed_cb (HallwayRefresher *self, gboolean available)
{
  gboolean came_back = available && !self->network_was_available;

  self->network_was_available = available;
  if (came_back)
    refresh_unless_running (self);
}

static void
hallway_refresher_dispose (GObject *object)
{
  HallwayRefresher *self = HALLWAY_REFRESHER (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->restart_when_cancelled = FALSE;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->monitor, self);
  g_clear_object (&self->monitor);
  g_clear_object (&self->subscription);
  G_OBJECT_CLASS (hallway_refresher_parent_class)->dispose (object);
}

static void
hallway_refresher_class_init (HallwayRefresherClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = hallway_refresher_dispose;
}

static void
hallway_refresher_init (HallwayRefresher *self)
{
}

HallwayRefresher *
hallway_refresher_new (GNetworkMonitor *monitor)
{
  HallwayRefresher *self = g_object_new (HALLWAY_TYPE_REFRESHER, NULL);

  if (monitor != NULL)
    {
      self->monitor = g_object_ref (monitor);
      self->network_was_available = g_network_monitor_get_network_available (monitor);
      g_signal_connect_swapped (monitor, "network-changed", G_CALLBACK (network_changed_cb), self);
    }
  return self;
}

void
hallway_refresher_set_subscription (HallwayRefresher *self, HallwaySubscription *subscription)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  g_return_if_fail (HALLWAY_IS_REFRESHER (self));

  if (!g_set_object (&self->subscription, subscription))
    return;
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->due_while_held = FALSE; /* that was the previous subscription's */
  if (subscription == NULL)
    return;
  if (hallway_refresher_is_due (subscription, now))
    refresh_unless_running (self);
  else
    schedule_next (self, FALSE);
}

void
hallway_refresher_hold (HallwayRefresher *self)
{
  g_return_if_fail (HALLWAY_IS_REFRESHER (self));

  self->held = TRUE;
}

void
hallway_refresher_release (HallwayRefresher *self)
{
  gboolean due = self->due_while_held;

  g_return_if_fail (HALLWAY_IS_REFRESHER (self));

  self->held = FALSE;
  self->due_while_held = FALSE;
  if (due && self->subscription != NULL)
    refresh_unless_running (self);
}

HallwaySubscription *
hallway_refresher_get_subscription (HallwayRefresher *self)
{
  g_return_val_if_fail (HALLWAY_IS_REFRESHER (self), NULL);
  return self->subscription;
}
