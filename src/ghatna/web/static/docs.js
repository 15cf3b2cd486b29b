// Swagger UI for /docs, from the locally served swagger-ui-bundle (no CDN).
(function () {
  var el = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({ url: el.getAttribute("data-openapi"), dom_id: "#swagger-ui",
    deepLinking: true, presets: [SwaggerUIBundle.presets.apis] });
})();
