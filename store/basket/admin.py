from oscar.apps.basket.admin import *  # noqa: F403  (Oscar's admin for the forked basket app)
