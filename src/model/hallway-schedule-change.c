/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-schedule-change"

#include "hallway-conference.h"
#include "hallway-talk-private.h"
#include "hallway-person.h"
#include "hallway-schedule-change.h"

/* What happened to one talk between two versions of a schedule. */
struct _HallwayScheduleChange
{
  GObject parent_instance;

  HallwayChangeKind kind;
  HallwayChangedFields fields;
  HallwayTalk *old_talk;
  HallwayTalk *new_talk;
};

G_DEFINE_FINAL_TYPE (HallwayScheduleChange, hallway_schedule_change, G_TYPE_OBJECT)

static void
hallway_schedule_change_finalize (GObject *object)
{
  HallwayScheduleChange *self = HALLWAY_SCHEDULE_CHANGE (object);

  g_clear_object (&self->old_talk);
  g_clear_object (&self->new_talk);
  G_OBJECT_CLASS (hallway_schedule_change_parent_class)->finalize (object);
}

static void
hallway_schedule_change_class_init (HallwayScheduleChangeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hallway_schedule_change_finalize;
}

static void
hallway_schedule_change_init (HallwayScheduleChange *self)
{
}

static HallwayScheduleChange *
schedule_change_new (HallwayChangeKind     kind,
                     HallwayChangedFields  fields,
                     HallwayTalk         *old_talk,
                     HallwayTalk         *new_talk)
{
  HallwayScheduleChange *self = g_object_new (HALLWAY_TYPE_SCHEDULE_CHANGE, NULL);

  self->kind = kind;
  self->fields = fields;
  self->old_talk = old_talk != NULL ? g_object_ref (old_talk) : NULL;
  self->new_talk = new_talk != NULL ? g_object_ref (new_talk) : NULL;
  return self;
}

HallwayChangeKind
hallway_schedule_change_get_kind (HallwayScheduleChange *self)
{
  g_return_val_if_fail (HALLWAY_IS_SCHEDULE_CHANGE (self), HALLWAY_CHANGE_CHANGED);
  return self->kind;
}

HallwayChangedFields
hallway_schedule_change_get_fields (HallwayScheduleChange *self)
{
  g_return_val_if_fail (HALLWAY_IS_SCHEDULE_CHANGE (self), HALLWAY_CHANGED_NOTHING);
  return self->fields;
}

/* The same in both versions, by definition. */
const char *
hallway_schedule_change_get_key (HallwayScheduleChange *self)
{
  g_return_val_if_fail (HALLWAY_IS_SCHEDULE_CHANGE (self), NULL);
  return hallway_talk_get_key (self->new_talk != NULL ? self->new_talk : self->old_talk);
}

HallwayTalk *
hallway_schedule_change_get_old_talk (HallwayScheduleChange *self)
{
  g_return_val_if_fail (HALLWAY_IS_SCHEDULE_CHANGE (self), NULL);
  return self->old_talk;
}

HallwayTalk *
hallway_schedule_change_get_new_talk (HallwayScheduleChange *self)
{
  g_return_val_if_fail (HALLWAY_IS_SCHEDULE_CHANGE (self), NULL);
  return self->new_talk;
}

/* ---- comparing two versions of one talk -------------------------------------------- */

/* Readers leave a missing field NULL or empty depending on the format: both mean "none". */
static gboolean
same_text (const char *a, const char *b)
{
  return g_strcmp0 (a != NULL ? a : "", b != NULL ? b : "") == 0;
}

/* By name, in order: a speaker added, dropped, renamed or moved up is a change. Person ids
 * are not compared, since some formats renumber them between exports. */
static gboolean
same_speakers (HallwayTalk *a, HallwayTalk *b)
{
  GPtrArray *old_persons = hallway_talk_get_persons (a);
  GPtrArray *new_persons = hallway_talk_get_persons (b);

  if (old_persons->len != new_persons->len)
    return FALSE;
  for (guint i = 0; i < old_persons->len; i++)
    if (!same_text (hallway_person_get_name (g_ptr_array_index (old_persons, i)),
                    hallway_person_get_name (g_ptr_array_index (new_persons, i))))
      return FALSE;
  return TRUE;
}

/* field when the two texts differ, else nothing. */
static HallwayChangedFields
text_change (const char *a, const char *b, HallwayChangedFields field)
{
  return same_text (a, b) ? HALLWAY_CHANGED_NOTHING : field;
}

static HallwayChangedFields
slot_changes (HallwayTalk *a, HallwayTalk *b)
{
  HallwayChangedFields fields = text_change (hallway_talk_get_room_name (a),
                                             hallway_talk_get_room_name (b), HALLWAY_CHANGED_ROOM);

  if (!g_date_time_equal (hallway_talk_get_start (a), hallway_talk_get_start (b)))
    fields |= HALLWAY_CHANGED_START;
  if (!g_date_time_equal (hallway_talk_get_end (a), hallway_talk_get_end (b)))
    fields |= HALLWAY_CHANGED_END;
  return fields;
}

static HallwayChangedFields
content_changes (HallwayTalk *a, HallwayTalk *b)
{
  HallwayChangedFields fields = HALLWAY_CHANGED_NOTHING;

  fields |= text_change (hallway_talk_get_title (a), hallway_talk_get_title (b),
                         HALLWAY_CHANGED_TITLE);
  fields |= text_change (hallway_talk_get_track_name (a), hallway_talk_get_track_name (b),
                         HALLWAY_CHANGED_TRACK);
  /* Sources, not rendered HTML: diffs run in a thread while the views render. */
  fields |= text_change (hallway_rich_text_get_source (&a->abstract),
                         hallway_rich_text_get_source (&b->abstract), HALLWAY_CHANGED_ABSTRACT);
  if (!same_speakers (a, b))
    fields |= HALLWAY_CHANGED_SPEAKERS;
  return fields;
}

#define SLOT_FIELDS (HALLWAY_CHANGED_START | HALLWAY_CHANGED_END | HALLWAY_CHANGED_ROOM)

/* ---- the diff ---------------------------------------------------------------------- */

typedef struct
{
  GPtrArray *removed;
  GPtrArray *moved;
  GPtrArray *changed;
  GPtrArray *added;
} ChangeGroups;

static void
collect_removed (ChangeGroups *groups, GListModel *old_talks, HallwayConference *new_version)
{
  guint n = g_list_model_get_n_items (old_talks);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (HallwayTalk) talk = g_list_model_get_item (old_talks, i);

      if (hallway_conference_lookup_talk (new_version, hallway_talk_get_key (talk)) == NULL)
        g_ptr_array_add (groups->removed,
                         schedule_change_new (HALLWAY_CHANGE_REMOVED, HALLWAY_CHANGED_NOTHING,
                                              talk, NULL));
    }
}

static void
classify_new_talk (ChangeGroups *groups, HallwayTalk *old_talk, HallwayTalk *new_talk)
{
  HallwayChangedFields fields;

  if (old_talk == NULL)
    {
      g_ptr_array_add (groups->added,
                       schedule_change_new (HALLWAY_CHANGE_ADDED, HALLWAY_CHANGED_NOTHING,
                                            NULL, new_talk));
      return;
    }
  fields = slot_changes (old_talk, new_talk) | content_changes (old_talk, new_talk);
  if (fields & SLOT_FIELDS)
    g_ptr_array_add (groups->moved,
                     schedule_change_new (HALLWAY_CHANGE_MOVED, fields, old_talk, new_talk));
  else if (fields != HALLWAY_CHANGED_NOTHING)
    g_ptr_array_add (groups->changed,
                     schedule_change_new (HALLWAY_CHANGE_CHANGED, fields, old_talk, new_talk));
}

/* Moved, changed and added talks follow the new schedule's order: where they are now. */
static void
collect_from_new (ChangeGroups *groups, HallwayConference *old_version, GListModel *new_talks)
{
  guint n = g_list_model_get_n_items (new_talks);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (HallwayTalk) talk = g_list_model_get_item (new_talks, i);

      classify_new_talk (groups,
                          hallway_conference_lookup_talk (old_version, hallway_talk_get_key (talk)),
                          talk);
    }
}

static void
append_group (GListStore *store, GPtrArray *group)
{
  g_list_store_splice (store, g_list_model_get_n_items (G_LIST_MODEL (store)), 0,
                       group->pdata, group->len);
  g_ptr_array_unref (group);
}

/* One pass over each version with a hash lookup per talk: O(n). Removed talks come in the
 * old schedule's order, the other groups in the new one's. */
GListModel *
hallway_schedule_diff (HallwayConference *old_version, HallwayConference *new_version)
{
  ChangeGroups groups;
  GListStore *store;

  g_return_val_if_fail (HALLWAY_IS_CONFERENCE (old_version), NULL);
  g_return_val_if_fail (HALLWAY_IS_CONFERENCE (new_version), NULL);

  groups.removed = g_ptr_array_new_with_free_func (g_object_unref);
  groups.moved = g_ptr_array_new_with_free_func (g_object_unref);
  groups.changed = g_ptr_array_new_with_free_func (g_object_unref);
  groups.added = g_ptr_array_new_with_free_func (g_object_unref);
  collect_removed (&groups, G_LIST_MODEL (old_version), new_version);
  collect_from_new (&groups, old_version, G_LIST_MODEL (new_version));

  store = g_list_store_new (HALLWAY_TYPE_SCHEDULE_CHANGE);
  append_group (store, groups.removed);
  append_group (store, groups.moved);
  append_group (store, groups.changed);
  append_group (store, groups.added);
  return G_LIST_MODEL (store);
}
