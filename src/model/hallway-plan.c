/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-plan"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hallway-agenda-text.h"
#include "hallway-bookmarks.h"
#include "hallway-conference.h"
#include "hallway-talk.h"
#include "hallway-plan.h"

struct _HallwayPlan
{
  GObject parent_instance;

  HallwayConference *conference;
  HallwayBookmarks *bookmarks;
  GListModel *changes;        /* HallwayScheduleChange of the last update, or NULL */
  GHashTable *change_by_key;  /* key → HallwayScheduleChange (borrowed) */
  GHashTable *conflicting;    /* keys of bookmarked talks that overlap another one */
  gboolean show_local_time;
};

G_DEFINE_FINAL_TYPE (HallwayPlan, hallway_plan, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static int
compare_by_start (gconstpointer a, gconstpointer b)
{
  return hallway_talk_compare (*(HallwayTalk **) a, *(HallwayTalk **) b);
}

/* One sweep over the bookmarked talks in start order: each overlaps the talks that start
 * before the latest end seen so far. */
static void
update_conflicts (HallwayPlan *self)
{
  g_auto (GStrv) keys = hallway_bookmarks_dup_keys (self->bookmarks);
  g_autoptr (GPtrArray) talks = g_ptr_array_new ();
  HallwayTalk *latest = NULL;

  g_hash_table_remove_all (self->conflicting);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      HallwayTalk *talk = hallway_conference_lookup_talk (self->conference, keys[i]);

      /* A backup pick overlaps its slot's first choice on purpose. */
      if (talk != NULL && !hallway_bookmarks_is_backup (self->bookmarks, keys[i]))
        g_ptr_array_add (talks, talk);
    }
  g_ptr_array_sort (talks, compare_by_start);
  for (guint i = 0; i < talks->len; i++)
    {
      HallwayTalk *talk = g_ptr_array_index (talks, i);

      if (latest != NULL && hallway_talk_overlaps (latest, talk))
        {
          g_hash_table_add (self->conflicting, (char *) hallway_talk_get_key (latest));
          g_hash_table_add (self->conflicting, (char *) hallway_talk_get_key (talk));
        }
      if (latest == NULL ||
          g_date_time_compare (hallway_talk_get_end (talk), hallway_talk_get_end (latest)) > 0)
        latest = talk;
    }
}

static void
bookmarks_changed_cb (HallwayPlan *self)
{
  update_conflicts (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
index_changes (HallwayPlan *self)
{
  g_hash_table_remove_all (self->change_by_key);
  if (self->changes == NULL)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (self->changes); i++)
    {
      g_autoptr (HallwayScheduleChange) change = g_list_model_get_item (self->changes, i);

      g_hash_table_insert (self->change_by_key, (char *) hallway_schedule_change_get_key (change),
                           change);
    }
}

static void
hallway_plan_dispose (GObject *object)
{
  HallwayPlan *self = HALLWAY_PLAN (object);

  if (self->bookmarks != NULL)
    g_signal_handlers_disconnect_by_data (self->bookmarks, self);
  g_clear_object (&self->bookmarks);
  g_clear_object (&self->conference);
  g_clear_pointer (&self->change_by_key, g_hash_table_unref);
  g_clear_object (&self->changes);
  g_clear_pointer (&self->conflicting, g_hash_table_unref);
  G_OBJECT_CLASS (hallway_plan_parent_class)->dispose (object);
}

static void
hallway_plan_class_init (HallwayPlanClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = hallway_plan_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
hallway_plan_init (HallwayPlan *self)
{
  self->change_by_key = g_hash_table_new (g_str_hash, g_str_equal);
  self->conflicting = g_hash_table_new (g_str_hash, g_str_equal);
}

HallwayPlan *
hallway_plan_new (HallwayConference *conference, HallwayBookmarks *bookmarks)
{
  HallwayPlan *self;

  g_return_val_if_fail (HALLWAY_IS_CONFERENCE (conference), NULL);
  g_return_val_if_fail (HALLWAY_IS_BOOKMARKS (bookmarks), NULL);

  self = g_object_new (HALLWAY_TYPE_PLAN, NULL);
  self->conference = g_object_ref (conference);
  self->bookmarks = g_object_ref (bookmarks);
  g_signal_connect_swapped (bookmarks, "changed", G_CALLBACK (bookmarks_changed_cb), self);
  update_conflicts (self);
  return self;
}

HallwayConference *
hallway_plan_get_conference (HallwayPlan *self)
{
  g_return_val_if_fail (HALLWAY_IS_PLAN (self), NULL);
  return self->conference;
}

/* A new version of the schedule arrived, with what changed since the previous one. */
void
hallway_plan_set_conference (HallwayPlan *self, HallwayConference *conference, GListModel *changes)
{
  g_return_if_fail (HALLWAY_IS_PLAN (self));
  g_return_if_fail (HALLWAY_IS_CONFERENCE (conference));

  /* Both indexes borrow strings from the old version: empty them before it goes. */
  g_hash_table_remove_all (self->change_by_key);
  g_hash_table_remove_all (self->conflicting);
  g_set_object (&self->conference, conference);
  g_set_object (&self->changes, changes);
  index_changes (self);
  update_conflicts (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

HallwayBookmarks *
hallway_plan_get_bookmarks (HallwayPlan *self)
{
  g_return_val_if_fail (HALLWAY_IS_PLAN (self), NULL);
  return self->bookmarks;
}

GListModel *
hallway_plan_get_changes (HallwayPlan *self)
{
  g_return_val_if_fail (HALLWAY_IS_PLAN (self), NULL);
  return self->changes;
}

gboolean
hallway_plan_is_bookmarked (HallwayPlan *self, HallwayTalk *talk)
{
  g_return_val_if_fail (HALLWAY_IS_PLAN (self), FALSE);
  return hallway_bookmarks_contains (self->bookmarks, hallway_talk_get_key (talk));
}

void
hallway_plan_set_bookmarked (HallwayPlan *self, HallwayTalk *talk, gboolean bookmarked)
{
  g_return_if_fail (HALLWAY_IS_PLAN (self));
  g_return_if_fail (HALLWAY_IS_TALK (talk));

  if (bookmarked == hallway_plan_is_bookmarked (self, talk))
    return;
  if (bookmarked)
    hallway_bookmarks_add (self->bookmarks, talk);
  else
    hallway_bookmarks_remove (self->bookmarks, hallway_talk_get_key (talk));
}

gboolean
hallway_plan_is_conflicting (HallwayPlan *self, HallwayTalk *talk)
{
  g_return_val_if_fail (HALLWAY_IS_PLAN (self), FALSE);
  return g_hash_table_contains (self->conflicting, hallway_talk_get_key (talk));
}

gboolean
hallway_plan_get_change (HallwayPlan *self, HallwayTalk *talk, HallwayChangeKind *kind)
{
  HallwayScheduleChange *change;

  g_return_val_if_fail (HALLWAY_IS_PLAN (self), FALSE);

  change = g_hash_table_lookup (self->change_by_key, hallway_talk_get_key (talk));
  if (change == NULL)
    return FALSE;
  if (kind != NULL)
    *kind = hallway_schedule_change_get_kind (change);
  return TRUE;
}

const char *
hallway_change_group_get_title (HallwayChangeGroup group)
{
  switch (group)
    {
    /* Translators: headers of the groups in Changes */
    case HALLWAY_CHANGE_GROUP_IN_MY_AGENDA: return C_("changes", "In My Agenda");
    case HALLWAY_CHANGE_GROUP_CANCELLED: return C_("changes", "Cancelled");
    case HALLWAY_CHANGE_GROUP_MOVED: return C_("changes", "Moved");
    case HALLWAY_CHANGE_GROUP_CHANGED: return C_("changes", "Changed");
    case HALLWAY_CHANGE_GROUP_NEW: return C_("changes", "New");
    case HALLWAY_CHANGE_GROUP_DETAILS_UPDATED: return C_("changes", "Details Updated");
    default: g_return_val_if_reached (NULL);
    }
}

static HallwayChangeGroup
group_of_kind (HallwayScheduleChange *change)
{
  switch (hallway_schedule_change_get_kind (change))
    {
    case HALLWAY_CHANGE_REMOVED: return HALLWAY_CHANGE_GROUP_CANCELLED;
    case HALLWAY_CHANGE_MOVED: return HALLWAY_CHANGE_GROUP_MOVED;
    case HALLWAY_CHANGE_ADDED: return HALLWAY_CHANGE_GROUP_NEW;
    case HALLWAY_CHANGE_CHANGED:
    default:
      /* Only the abstract or links: worth less attention than a new speaker. */
      if ((hallway_schedule_change_get_fields (change) & ~HALLWAY_CHANGED_DETAILS) == 0)
        return HALLWAY_CHANGE_GROUP_DETAILS_UPDATED;
      return HALLWAY_CHANGE_GROUP_CHANGED;
    }
}

gboolean
hallway_plan_get_change_group (HallwayPlan *self, HallwayTalk *talk, HallwayChangeGroup *group)
{
  HallwayScheduleChange *change;

  g_return_val_if_fail (HALLWAY_IS_PLAN (self), FALSE);
  g_return_val_if_fail (HALLWAY_IS_TALK (talk), FALSE);

  change = g_hash_table_lookup (self->change_by_key, hallway_talk_get_key (talk));
  if (change == NULL)
    return FALSE;
  if (group != NULL)
    *group = hallway_plan_is_bookmarked (self, talk) ? HALLWAY_CHANGE_GROUP_IN_MY_AGENDA
                                                      : group_of_kind (change);
  return TRUE;
}

gboolean
hallway_plan_is_details_change (HallwayPlan *self, HallwayTalk *talk)
{
  HallwayScheduleChange *change;

  g_return_val_if_fail (HALLWAY_IS_PLAN (self), FALSE);
  g_return_val_if_fail (HALLWAY_IS_TALK (talk), FALSE);

  change = g_hash_table_lookup (self->change_by_key, hallway_talk_get_key (talk));
  return change != NULL && group_of_kind (change) == HALLWAY_CHANGE_GROUP_DETAILS_UPDATED;
}

char *
hallway_plan_dup_change_description (HallwayPlan *self, HallwayTalk *talk)
{
  HallwayScheduleChange *change;
  g_autoptr (GTimeZone) zone = NULL;

  g_return_val_if_fail (HALLWAY_IS_PLAN (self), NULL);
  g_return_val_if_fail (HALLWAY_IS_TALK (talk), NULL);

  change = g_hash_table_lookup (self->change_by_key, hallway_talk_get_key (talk));
  if (change == NULL)
    return NULL;
  if (self->show_local_time)
    zone = g_time_zone_new_local ();
  else
    zone = g_time_zone_ref (hallway_conference_get_time_zone (self->conference));
  return hallway_schedule_change_dup_description (change, zone);
}

void
hallway_plan_set_show_local_time (HallwayPlan *self, gboolean show_local_time)
{
  g_return_if_fail (HALLWAY_IS_PLAN (self));

  if (self->show_local_time == !!show_local_time)
    return;
  self->show_local_time = !!show_local_time;
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
hallway_plan_get_show_local_time (HallwayPlan *self)
{
  g_return_val_if_fail (HALLWAY_IS_PLAN (self), FALSE);

  return self->show_local_time;
}

char *
hallway_plan_dup_zone_label (HallwayPlan *self, GDateTime *time)
{
  g_autoptr (GDateTime) shown = NULL;
  g_autoptr (GDateTime) conference_time = NULL;

  g_return_val_if_fail (HALLWAY_IS_PLAN (self), NULL);
  g_return_val_if_fail (time != NULL, NULL);

  if (!self->show_local_time)
    return NULL;
  shown = g_date_time_to_local (time);
  conference_time =
    g_date_time_to_timezone (time, hallway_conference_get_time_zone (self->conference));
  if (g_date_time_get_utc_offset (shown) == g_date_time_get_utc_offset (conference_time))
    return NULL;
  return g_date_time_format (shown, "%Z");
}

char *
hallway_plan_dup_day_header (HallwayPlan *self, GDateTime *time)
{
  g_autoptr (GDateTime) shown = NULL;
  g_autofree char *day = NULL;
  g_autofree char *zone = NULL;

  g_return_val_if_fail (HALLWAY_IS_PLAN (self), NULL);
  g_return_val_if_fail (time != NULL, NULL);

  shown = hallway_plan_to_display_time (self, time);
  /* Translators: strftime format of a day header in talk lists and My Agenda: "Saturday 31
   * January" */
  day = g_strstrip (g_date_time_format (shown, _("%A %-d %B")));
  zone = hallway_plan_dup_zone_label (self, time);
  if (zone == NULL)
    return g_steal_pointer (&day);
  /* Translators: a day header when times are shown in another zone than the conference's:
   * "Saturday 6 February · times in JST" */
  return g_strdup_printf (C_("day header", "%s · times in %s"), day, zone);
}

/* Returns a new reference to the time in the zone the person reads times in. */
GDateTime *
hallway_plan_to_display_time (HallwayPlan *self, GDateTime *time)
{
  g_return_val_if_fail (HALLWAY_IS_PLAN (self), NULL);
  g_return_val_if_fail (time != NULL, NULL);

  if (self->show_local_time)
    return g_date_time_to_local (time);
  return g_date_time_to_timezone (time, hallway_conference_get_time_zone (self->conference));
}

/* The first talk that starts after `now`, or NULL; talks are sorted by start. */
static HallwayTalk *
dup_next_talk (HallwayConference *conference, GDateTime *now)
{
  GListModel *talks = G_LIST_MODEL (conference);

  for (guint i = 0; i < g_list_model_get_n_items (talks); i++)
    {
      g_autoptr (HallwayTalk) talk = g_list_model_get_item (talks, i);

      if (g_date_time_compare (hallway_talk_get_start (talk), now) > 0)
        return g_steal_pointer (&talk);
    }
  return NULL;
}

char *
hallway_plan_dup_quiet_time_text (HallwayPlan *self, GDateTime *now)
{
  g_autoptr (HallwayTalk) first = NULL;
  g_autoptr (HallwayTalk) next = NULL;
  g_autoptr (GDateTime) start = NULL;
  g_autofree char *day = NULL;
  g_autofree char *time = NULL;
  const char *title;

  g_return_val_if_fail (HALLWAY_IS_PLAN (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  first = g_list_model_get_item (G_LIST_MODEL (self->conference), 0);
  if (first == NULL)
    return NULL;
  title = hallway_conference_get_title (self->conference);
  next = dup_next_talk (self->conference, now);
  if (next == NULL)
    /* Translators: Now & Next after the last talk; %s is the conference, "FOSDEM 2026" */
    return g_strdup_printf (_("%s has ended"), title);
  start = hallway_plan_to_display_time (self, hallway_talk_get_start (next));
  day = hallway_agenda_format_day (self, hallway_talk_get_start (next));
  if (next == first)
    /* Translators: Now & Next before the conference: "FOSDEM 2026 starts on Saturday 31
     * January" */
    return g_strdup_printf (_("%s starts on %s"), title, day);
  time = g_date_time_format (start, "%H:%M");
  /* Translators: Now & Next between two conference days: "The next talks start on Sunday
   * 1 February at 09:00" */
  return g_strdup_printf (_("The next talks start on %s at %s"), day, time);
}

gboolean
hallway_plan_is_backup (HallwayPlan *self, HallwayTalk *talk)
{
  g_return_val_if_fail (HALLWAY_IS_PLAN (self), FALSE);
  return hallway_bookmarks_is_backup (self->bookmarks, hallway_talk_get_key (talk));
}

void
hallway_plan_set_backup (HallwayPlan *self, HallwayTalk *talk, gboolean backup)
{
  g_return_if_fail (HALLWAY_IS_PLAN (self));
  hallway_bookmarks_set_backup (self->bookmarks, hallway_talk_get_key (talk), backup);
}
