"""API calls for tests."""


def receipt_header(receipt: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Receipt {receipt}"}
