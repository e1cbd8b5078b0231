// The safety map: draws the areas' outlines from the page's GeoJSON (no tiles, no requests
// elsewhere), each filled with the colour of its class, computed on the server like the
// legend; the table beside it has the same figures.
(function () {
  "use strict";
  function draw() {
    const element = document.getElementById("safety-map");
    const source = document.getElementById("safety-map-data");
    if (!element || !source || typeof L === "undefined") return;
    const data = JSON.parse(source.textContent);
    // Schematic outlines live on a plain grid; imported boundaries are longitude/latitude.
    const schematic = element.dataset.schematic === "true";
    const map = L.map(element, {
      crs: schematic ? L.CRS.Simple : L.CRS.EPSG3857,
      attributionControl: false,
      minZoom: schematic ? 1 : 9,
    });
    const layer = L.geoJSON(data, {
      coordsToLatLng: schematic ? (xy) => L.latLng(xy[1], xy[0]) : L.GeoJSON.coordsToLatLng,
      style: (f) => ({ color: "#333333", weight: 1, fillOpacity: 0.85, fillColor: f.properties.colour }),
      // A text node, never HTML: area names come from imported files.
      onEachFeature: (f, l) =>
        l.bindTooltip(document.createTextNode(f.properties.name + ": " + f.properties.label), { sticky: true }),
    }).addTo(map);
    map.fitBounds(layer.getBounds());
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", draw);
  else draw();
})();
