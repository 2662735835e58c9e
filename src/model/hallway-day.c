/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-day"

#include "hallway-day.h"

/* A conference day: its 1-based index and its date (midnight in the conference's zone). */
struct _HallwayDay
{
  GObject parent_instance;
  guint index;
  GDateTime *date;
};

G_DEFINE_FINAL_TYPE (HallwayDay, hallway_day, G_TYPE_OBJECT)

static void
hallway_day_finalize (GObject *object)
{
  g_clear_pointer (&HALLWAY_DAY (object)->date, g_date_time_unref);
  G_OBJECT_CLASS (hallway_day_parent_class)->finalize (object);
}

static void
hallway_day_class_init (HallwayDayClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hallway_day_finalize;
}

static void
hallway_day_init (HallwayDay *self)
{
}

HallwayDay *
hallway_day_new (guint index, GDateTime *date)
{
  HallwayDay *self;

  g_return_val_if_fail (date != NULL, NULL);

  self = g_object_new (HALLWAY_TYPE_DAY, NULL);
  self->index = index;
  self->date = g_date_time_ref (date);
  return self;
}

guint
hallway_day_get_index (HallwayDay *self)
{
  g_return_val_if_fail (HALLWAY_IS_DAY (self), 0);
  return self->index;
}

GDateTime *
hallway_day_get_date (HallwayDay *self)
{
  g_return_val_if_fail (HALLWAY_IS_DAY (self), NULL);
  return self->date;
}

char *
hallway_day_dup_iso_date (HallwayDay *self)
{
  g_return_val_if_fail (HALLWAY_IS_DAY (self), NULL);
  return g_date_time_format (self->date, "%Y-%m-%d");
}

void
hallway_day_set_index (HallwayDay *self, guint index)
{
  g_return_if_fail (HALLWAY_IS_DAY (self));
  self->index = index;
}
