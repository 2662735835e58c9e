/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-person"

#include "hallway-person.h"

/* A speaker. The id is the schedule's own (may be NULL in iCal and old files);
 * the biography becomes sanitized HTML when first read. */
struct _HallwayPerson
{
  GObject parent_instance;
  char *id;
  char *name;
  HallwayRichText biography;
};

G_DEFINE_FINAL_TYPE (HallwayPerson, hallway_person, G_TYPE_OBJECT)

enum { PROP_0, PROP_NAME, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
hallway_person_finalize (GObject *object)
{
  HallwayPerson *self = HALLWAY_PERSON (object);

  g_free (self->id);
  g_free (self->name);
  hallway_rich_text_clear (&self->biography);
  G_OBJECT_CLASS (hallway_person_parent_class)->finalize (object);
}

static void
hallway_person_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_NAME: g_value_set_string (value, HALLWAY_PERSON (object)->name); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hallway_person_class_init (HallwayPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hallway_person_finalize;
  object_class->get_property = hallway_person_get_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hallway_person_init (HallwayPerson *self)
{
}

HallwayPerson *
hallway_person_new (const char *id, const char *name)
{
  HallwayPerson *self;

  g_return_val_if_fail (name != NULL, NULL);

  self = g_object_new (HALLWAY_TYPE_PERSON, NULL);
  self->id = g_strdup (id);
  self->name = g_strdup (name);
  return self;
}

const char *
hallway_person_get_id (HallwayPerson *self)
{
  g_return_val_if_fail (HALLWAY_IS_PERSON (self), NULL);
  return self->id;
}

const char *
hallway_person_get_name (HallwayPerson *self)
{
  g_return_val_if_fail (HALLWAY_IS_PERSON (self), NULL);
  return self->name;
}

const char *
hallway_person_get_biography (HallwayPerson *self)
{
  g_return_val_if_fail (HALLWAY_IS_PERSON (self), NULL);
  return hallway_rich_text_get_html (&self->biography);
}

void
hallway_person_set_biography (HallwayPerson *self, const char *text, HallwayTextFormat format)
{
  g_return_if_fail (HALLWAY_IS_PERSON (self));
  hallway_rich_text_set (&self->biography, text, format);
}

/* Whether the schedule gave one, without rendering it. */
gboolean
hallway_person_has_biography (HallwayPerson *self)
{
  g_return_val_if_fail (HALLWAY_IS_PERSON (self), FALSE);
  return hallway_rich_text_get_source (&self->biography) != NULL;
}

/* The biography as the schedule gave it (the schedule snapshot keeps it so). */
const HallwayRichText *
hallway_person_peek_biography (HallwayPerson *self)
{
  g_return_val_if_fail (HALLWAY_IS_PERSON (self), NULL);
  return &self->biography;
}
