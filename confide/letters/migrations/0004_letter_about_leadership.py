from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("letters", "0003_receipt_wraps_peppered")]

    operations = [
        migrations.AddField(model_name="letter", name="about_leadership", field=models.BooleanField(default=False)),
    ]
