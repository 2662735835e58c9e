/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-schedule-change"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hallway-conference.h"
#include "hallway-link.h"
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

/* Link lists in order, by address and label: an added, dropped or renamed link. */
static gboolean
same_links (HallwayTalk *a, HallwayTalk *b)
{
  GPtrArray *old_links = hallway_talk_get_links (a);
  GPtrArray *new_links = hallway_talk_get_links (b);

  if (old_links->len != new_links->len)
    return FALSE;
  for (guint i = 0; i < old_links->len; i++)
    {
      HallwayLink *old_link = g_ptr_array_index (old_links, i);
      HallwayLink *new_link = g_ptr_array_index (new_links, i);

      if (!same_text (hallway_link_get_url (old_link), hallway_link_get_url (new_link)) ||
          !same_text (hallway_link_get_label (old_link), hallway_link_get_label (new_link)))
        return FALSE;
    }
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
  if (!same_links (a, b))
    fields |= HALLWAY_CHANGED_LINKS;
  return fields;
}

#define SLOT_FIELDS (HALLWAY_CHANGED_START | HALLWAY_CHANGED_END | HALLWAY_CHANGED_ROOM)

/* ---- describing a change --------------------------------------------------------- */

static const char *
or_none (const char *text)
{
  /* Translators: in "Room: none → H.1302", a talk without a room or track */
  return text != NULL && *text != '\0' ? text : C_("room or track", "none");
}

static char *
format_change_time (GDateTime *time, GTimeZone *display_zone)
{
  g_autoptr (GDateTime) shown = g_date_time_to_timezone (time, display_zone);

  /* Translators: strftime format of a time in a change's description ("Sat 14:30") */
  return g_date_time_format (shown, C_("change", "%a %H:%M"));
}

static char *
format_duration (HallwayTalk *talk)
{
  GTimeSpan span = g_date_time_difference (hallway_talk_get_end (talk),
                                           hallway_talk_get_start (talk));

  /* Translators: a talk's length in minutes, as in "Duration: 25 min → 50 min" */
  return g_strdup_printf (C_("duration", "%d min"), (int) (span / G_TIME_SPAN_MINUTE));
}

/* The names of a's speakers that b does not have, comma-separated; NULL if none. */
static char *
dup_speakers_missing (HallwayTalk *a, HallwayTalk *b, guint *count)
{
  GPtrArray *persons = hallway_talk_get_persons (a);
  GPtrArray *others = hallway_talk_get_persons (b);
  g_autoptr (GString) names = g_string_new (NULL);

  *count = 0;
  for (guint i = 0; i < persons->len; i++)
    {
      const char *name = hallway_person_get_name (g_ptr_array_index (persons, i));
      gboolean found = FALSE;

      for (guint j = 0; j < others->len && !found; j++)
        found = same_text (name, hallway_person_get_name (g_ptr_array_index (others, j)));
      if (found)
        continue;
      if (names->len > 0)
        /* Translators: between names in "Speakers joined: Ann, Bo" */
        g_string_append (names, C_("speakers", ", "));
      g_string_append (names, name);
      (*count)++;
    }
  return *count > 0 ? g_string_free_and_steal (g_steal_pointer (&names)) : NULL;
}

static char *
dup_all_speakers (HallwayTalk *talk)
{
  GPtrArray *persons = hallway_talk_get_persons (talk);
  g_autoptr (GString) names = g_string_new (NULL);

  for (guint i = 0; i < persons->len; i++)
    {
      if (i > 0)
        g_string_append (names, C_("speakers", ", "));
      g_string_append (names, hallway_person_get_name (g_ptr_array_index (persons, i)));
    }
  return g_string_free_and_steal (g_steal_pointer (&names));
}

static void
describe_speakers (GPtrArray *lines, HallwayTalk *old_talk, HallwayTalk *new_talk)
{
  guint n_left, n_joined;
  g_autofree char *left = dup_speakers_missing (old_talk, new_talk, &n_left);
  g_autofree char *joined = dup_speakers_missing (new_talk, old_talk, &n_joined);

  if (left != NULL)
    /* Translators: speakers no longer on a talk; %s is one name or a list of names */
    g_ptr_array_add (lines, g_strdup_printf (ngettext ("Speaker left: %s", "Speakers left: %s",
                                                       n_left),
                                             left));
  if (joined != NULL)
    /* Translators: speakers added to a talk; %s is one name or a list of names */
    g_ptr_array_add (lines, g_strdup_printf (ngettext ("Speaker joined: %s",
                                                       "Speakers joined: %s", n_joined),
                                             joined));
  if (left == NULL && joined == NULL)
    {
      /* The same people, in another order or spelt differently. */
      g_autofree char *before = dup_all_speakers (old_talk);
      g_autofree char *after = dup_all_speakers (new_talk);

      /* Translators: a talk's speakers before → after */
      g_ptr_array_add (lines, g_strdup_printf (_("Speakers: %s → %s"), before, after));
    }
}

static void
describe_slot (GPtrArray *lines, HallwayTalk *old_talk, HallwayTalk *new_talk,
               HallwayChangedFields fields, GTimeZone *display_zone)
{
  g_autofree char *old_duration = format_duration (old_talk);
  g_autofree char *new_duration = format_duration (new_talk);

  if (fields & HALLWAY_CHANGED_START)
    {
      g_autofree char *before = format_change_time (hallway_talk_get_start (old_talk),
                                                    display_zone);
      g_autofree char *after = format_change_time (hallway_talk_get_start (new_talk),
                                                   display_zone);

      /* Translators: a talk's start before → after, as in "Moved: Sat 14:30 → Sat 14:10" */
      g_ptr_array_add (lines, g_strdup_printf (_("Moved: %s → %s"), before, after));
    }
  if (fields & HALLWAY_CHANGED_ROOM)
    /* Translators: a talk's room before → after */
    g_ptr_array_add (lines, g_strdup_printf (_("Room: %s → %s"),
                                             or_none (hallway_talk_get_room_name (old_talk)),
                                             or_none (hallway_talk_get_room_name (new_talk))));
  if (!g_str_equal (old_duration, new_duration))
    /* Translators: a talk's length before → after, as in "Duration: 25 min → 50 min" */
    g_ptr_array_add (lines, g_strdup_printf (_("Duration: %s → %s"), old_duration, new_duration));
}

static void
describe_content (GPtrArray *lines, HallwayTalk *old_talk, HallwayTalk *new_talk,
                  HallwayChangedFields fields)
{
  if (fields & HALLWAY_CHANGED_SPEAKERS)
    describe_speakers (lines, old_talk, new_talk);
  if (fields & HALLWAY_CHANGED_TITLE)
    /* Translators: a talk's title before → after */
    g_ptr_array_add (lines, g_strdup_printf (_("Title: “%s” → “%s”"),
                                             hallway_talk_get_title (old_talk),
                                             hallway_talk_get_title (new_talk)));
  if (fields & HALLWAY_CHANGED_TRACK)
    /* Translators: a talk's track before → after */
    g_ptr_array_add (lines, g_strdup_printf (_("Track: %s → %s"),
                                             or_none (hallway_talk_get_track_name (old_talk)),
                                             or_none (hallway_talk_get_track_name (new_talk))));
  if (fields & HALLWAY_CHANGED_DETAILS)
    /* Translators: a talk's abstract or links were edited */
    g_ptr_array_add (lines, g_strdup (_("Details updated")));
}

char *
hallway_schedule_change_dup_description (HallwayScheduleChange *self, GTimeZone *display_zone)
{
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (HALLWAY_IS_SCHEDULE_CHANGE (self), NULL);
  g_return_val_if_fail (display_zone != NULL, NULL);

  switch (self->kind)
    {
    case HALLWAY_CHANGE_ADDED:
      /* Translators: a talk that was not in the previous version of the schedule */
      return g_strdup (C_("change", "New"));
    case HALLWAY_CHANGE_REMOVED:
      /* Translators: a talk gone from the schedule */
      return g_strdup (C_("change", "Cancelled"));
    case HALLWAY_CHANGE_MOVED:
    case HALLWAY_CHANGE_CHANGED:
    default:
      break;
    }
  describe_slot (lines, self->old_talk, self->new_talk, self->fields, display_zone);
  describe_content (lines, self->old_talk, self->new_talk, self->fields);
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

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
