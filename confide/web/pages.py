from django.shortcuts import render


def home(request):
    # Deliberately lists no organization: whether a campaign uses the service is its own business (G3).
    return render(request, "public/home.html")
