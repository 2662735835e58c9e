/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-agenda-item"

#include "hallway-agenda-item.h"
#include "hallway-bookmarks.h"
#include "hallway-conference.h"
#include "hallway-talk.h"

struct _HallwayAgendaItem
{
  GObject parent_instance;

  HallwayAgendaItemKind kind;
  HallwayTalk *talk;
  char *key;
  char *title;
  char *room;
  GDateTime *start;
  GDateTime *end;
  gboolean conflicting;
  gboolean backup;
};

G_DEFINE_FINAL_TYPE (HallwayAgendaItem, hallway_agenda_item, G_TYPE_OBJECT)

static void
hallway_agenda_item_finalize (GObject *object)
{
  HallwayAgendaItem *self = HALLWAY_AGENDA_ITEM (object);

  g_clear_object (&self->talk);
  g_free (self->key);
  g_free (self->title);
  g_free (self->room);
  g_clear_pointer (&self->start, g_date_time_unref);
  g_clear_pointer (&self->end, g_date_time_unref);
  G_OBJECT_CLASS (hallway_agenda_item_parent_class)->finalize (object);
}

static void
hallway_agenda_item_class_init (HallwayAgendaItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hallway_agenda_item_finalize;
}

static void
hallway_agenda_item_init (HallwayAgendaItem *self)
{
}

static HallwayAgendaItem *
item_new (HallwayAgendaItemKind kind, GDateTime *start, GDateTime *end)
{
  HallwayAgendaItem *self = g_object_new (HALLWAY_TYPE_AGENDA_ITEM, NULL);

  self->kind = kind;
  self->start = g_date_time_ref (start);
  self->end = g_date_time_ref (end);
  return self;
}

static HallwayAgendaItem *
talk_item_new (HallwayPlan *plan, HallwayTalk *talk)
{
  HallwayAgendaItem *self = item_new (HALLWAY_AGENDA_TALK, hallway_talk_get_start (talk),
                                      hallway_talk_get_end (talk));

  self->talk = g_object_ref (talk);
  self->key = g_strdup (hallway_talk_get_key (talk));
  self->title = g_strdup (hallway_talk_get_title (talk));
  self->room = g_strdup (hallway_talk_get_room_name (talk));
  self->conflicting = hallway_plan_is_conflicting (plan, talk);
  self->backup = hallway_plan_is_backup (plan, talk);
  return self;
}

/* A bookmark whose talk is gone: shown from the snapshot the bookmarks kept. */
static HallwayAgendaItem *
cancelled_item_new (HallwayBookmarks *bookmarks, const char *key)
{
  const char *title = NULL, *room = NULL;
  GDateTime *start = NULL, *end = NULL;
  HallwayAgendaItem *self;

  if (!hallway_bookmarks_get_snapshot (bookmarks, key, &title, &start, &end, &room) ||
      start == NULL || end == NULL)
    return NULL;
  self = item_new (HALLWAY_AGENDA_CANCELLED, start, end);
  self->key = g_strdup (key);
  self->title = g_strdup (title);
  self->room = g_strdup (room);
  return self;
}

static int
compare_items (gconstpointer a, gconstpointer b)
{
  HallwayAgendaItem *x = *(HallwayAgendaItem **) a;
  HallwayAgendaItem *y = *(HallwayAgendaItem **) b;
  int order = g_date_time_compare (x->start, y->start);

  return order != 0 ? order : g_strcmp0 (x->room, y->room);
}

static gboolean
same_day (HallwayConference *conference, GDateTime *a, GDateTime *b)
{
  GTimeZone *zone = hallway_conference_get_time_zone (conference);
  g_autoptr (GDateTime) local_a = g_date_time_to_timezone (a, zone);
  g_autoptr (GDateTime) local_b = g_date_time_to_timezone (b, zone);

  return g_date_time_get_year (local_a) == g_date_time_get_year (local_b) &&
         g_date_time_get_day_of_year (local_a) == g_date_time_get_day_of_year (local_b);
}

/* Walks the picks in time order, keeping the latest end seen: a later start leaves a gap. */
static void
append_with_gaps (GListStore *store, GPtrArray *items, HallwayConference *conference,
                  GTimeSpan min_gap)
{
  GDateTime *latest_end = NULL;

  for (guint i = 0; i < items->len; i++)
    {
      HallwayAgendaItem *item = g_ptr_array_index (items, i);

      if (latest_end != NULL && same_day (conference, latest_end, item->start) &&
          g_date_time_difference (item->start, latest_end) >= min_gap)
        {
          g_autoptr (HallwayAgendaItem) gap =
            item_new (HALLWAY_AGENDA_GAP, latest_end, item->start);

          g_list_store_append (store, gap);
        }
      g_list_store_append (store, item);
      if (item->kind == HALLWAY_AGENDA_TALK && !item->backup &&
          (latest_end == NULL || !same_day (conference, latest_end, item->start) ||
           g_date_time_compare (item->end, latest_end) > 0))
        latest_end = item->end;
    }
}

GListModel *
hallway_agenda_build (HallwayPlan *plan, GTimeSpan min_gap)
{
  HallwayConference *conference = hallway_plan_get_conference (plan);
  HallwayBookmarks *bookmarks = hallway_plan_get_bookmarks (plan);
  g_auto (GStrv) keys = hallway_bookmarks_dup_keys (bookmarks);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GListStore *store = g_list_store_new (HALLWAY_TYPE_AGENDA_ITEM);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      HallwayTalk *talk = hallway_conference_lookup_talk (conference, keys[i]);
      HallwayAgendaItem *item = talk != NULL ? talk_item_new (plan, talk)
                                              : cancelled_item_new (bookmarks, keys[i]);

      if (item != NULL)
        g_ptr_array_add (items, item);
    }
  g_ptr_array_sort (items, compare_items);
  append_with_gaps (store, items, conference, min_gap);
  return G_LIST_MODEL (store);
}

HallwayAgendaItemKind
hallway_agenda_item_get_kind (HallwayAgendaItem *self)
{
  g_return_val_if_fail (HALLWAY_IS_AGENDA_ITEM (self), HALLWAY_AGENDA_GAP);
  return self->kind;
}

HallwayTalk *
hallway_agenda_item_get_talk (HallwayAgendaItem *self)
{
  g_return_val_if_fail (HALLWAY_IS_AGENDA_ITEM (self), NULL);
  return self->talk;
}

const char *
hallway_agenda_item_get_key (HallwayAgendaItem *self)
{
  g_return_val_if_fail (HALLWAY_IS_AGENDA_ITEM (self), NULL);
  return self->key;
}

const char *
hallway_agenda_item_get_title (HallwayAgendaItem *self)
{
  g_return_val_if_fail (HALLWAY_IS_AGENDA_ITEM (self), NULL);
  return self->title;
}

const char *
hallway_agenda_item_get_room (HallwayAgendaItem *self)
{
  g_return_val_if_fail (HALLWAY_IS_AGENDA_ITEM (self), NULL);
  return self->room;
}

GDateTime *
hallway_agenda_item_get_start (HallwayAgendaItem *self)
{
  g_return_val_if_fail (HALLWAY_IS_AGENDA_ITEM (self), NULL);
  return self->start;
}

GDateTime *
hallway_agenda_item_get_end (HallwayAgendaItem *self)
{
  g_return_val_if_fail (HALLWAY_IS_AGENDA_ITEM (self), NULL);
  return self->end;
}

gboolean
hallway_agenda_item_get_conflicting (HallwayAgendaItem *self)
{
  g_return_val_if_fail (HALLWAY_IS_AGENDA_ITEM (self), FALSE);
  return self->conflicting;
}

gboolean
hallway_agenda_item_get_backup (HallwayAgendaItem *self)
{
  g_return_val_if_fail (HALLWAY_IS_AGENDA_ITEM (self), FALSE);
  return self->backup;
}
