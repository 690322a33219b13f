"""HomePage, HomeFeaturedItem, StandardPage and SearchEntry now belong to `sitewide`.

State only (see sitewide/migrations/0001_initial.py): their tables stay where they are.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0006_search_entry_any_object"),
        ("sitewide", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="HomeFeaturedItem"),
                migrations.DeleteModel(name="HomePage"),
                migrations.DeleteModel(name="SearchEntry"),
                migrations.DeleteModel(name="StandardPage"),
            ]
        ),
    ]
