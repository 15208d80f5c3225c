// The WebAuthn ceremony for Confide's staff pages: the only script Confide serves. It turns the options the
// server put in a form's data attribute into a call to the browser's authenticator, writes the answer into
// the form's hidden "passkey" field as JSON and sends the form. Every check happens on the server.
"use strict";
(function () {
  if (!window.PublicKeyCredential || !navigator.credentials) {
    return; // no WebAuthn here: the forms stay as they are without script (TOTP)
  }

  function toBytes(text) {
    var base64 = text.replace(/-/g, "+").replace(/_/g, "/");
    var binary = atob(base64 + "===".slice((base64.length + 3) % 4));
    return Uint8Array.from(binary, function (c) { return c.charCodeAt(0); });
  }

  function toText(buffer) {
    var binary = String.fromCharCode.apply(null, new Uint8Array(buffer));
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function descriptors(list) {
    return (list || []).map(function (d) { return Object.assign({}, d, { id: toBytes(d.id) }); });
  }

  function creationOptions(json) {
    var o = JSON.parse(json);
    o.challenge = toBytes(o.challenge);
    o.user = Object.assign({}, o.user, { id: toBytes(o.user.id) });
    o.excludeCredentials = descriptors(o.excludeCredentials);
    return o;
  }

  function requestOptions(json) {
    var o = JSON.parse(json);
    o.challenge = toBytes(o.challenge);
    o.allowCredentials = descriptors(o.allowCredentials);
    return o;
  }

  function answer(credential) {
    var r = credential.response;
    var out = {
      id: credential.id,
      rawId: toText(credential.rawId),
      type: credential.type,
      authenticatorAttachment: credential.authenticatorAttachment || undefined,
      clientExtensionResults: credential.getClientExtensionResults(),
      response: { clientDataJSON: toText(r.clientDataJSON) }
    };
    if (r.attestationObject) {
      out.response.attestationObject = toText(r.attestationObject);
      out.response.transports = r.getTransports ? r.getTransports() : [];
    } else {
      out.response.authenticatorData = toText(r.authenticatorData);
      out.response.signature = toText(r.signature);
      if (r.userHandle) { out.response.userHandle = toText(r.userHandle); }
    }
    return JSON.stringify(out);
  }

  function ceremony(form, start) {
    var problem = form.querySelector("[data-passkey-problem]");
    problem.hidden = true;
    start().then(function (credential) {
      form.elements.passkey.value = answer(credential);
      form.submit();
    }, function () {
      problem.textContent = form.dataset.passkeyFailed;
      problem.hidden = false;
    });
  }

  function offer(form) {
    form.querySelector("[data-passkey-offer]").hidden = false;
  }

  document.querySelectorAll("form[data-passkey-get]").forEach(function (form) {
    offer(form);
    form.querySelector("[data-passkey-start]").addEventListener("click", function () {
      // The password is the first factor (it unlocks the key): both fields are needed with the passkey too.
      if (!form.elements.username.reportValidity() || !form.elements.password.reportValidity()) { return; }
      form.elements.code.value = "";
      ceremony(form, function () {
        return navigator.credentials.get({ publicKey: requestOptions(form.dataset.passkeyGet) });
      });
    });
  });

  document.querySelectorAll("form[data-passkey-create]").forEach(function (form) {
    offer(form);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      ceremony(form, function () {
        return navigator.credentials.create({ publicKey: creationOptions(form.dataset.passkeyCreate) });
      });
    });
  });
})();
