def test_the_interface_is_danish_and_english_is_available(committee_reader, client):
    from conftest import login_client

    login_client(client, committee_reader)
    assert (
        "Indsatskatalog"
        in client.get("/indsatser/", HTTP_ACCEPT_LANGUAGE="en-US,en").content.decode()
    )
    client.post("/i18n/setlang/", {"language": "en", "next": "/indsatser/"})
    page = client.get("/indsatser/").content.decode()
    assert "Initiative catalogue" in page and '<html lang="en">' in page
