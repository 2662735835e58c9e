/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void hallway_transition_report_if_asked (void);

G_END_DECLS
